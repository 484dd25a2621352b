package no.torn.grants.domain;

/** Norwegian organisation numbers (Enhetsregisteret): nine digits, the last a MOD11 check digit. */
public final class OrganisationNumbers {

    private static final int[] WEIGHTS = {3, 2, 7, 6, 5, 4, 3, 2};

    private OrganisationNumbers() {
    }

    /** True for nine digits whose check digit is right; remainder 1 (check digit 10) is never issued. */
    public static boolean valid(String number) {
        if (number == null || !number.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(8) - '0';
    }

    /** The 360Giving identifier of a Norwegian organisation (org-id.guide scheme NO-BRC). */
    public static String orgId(String number) {
        return "NO-BRC-" + number;
    }
}
