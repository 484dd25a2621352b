package no.torn.platform.tenancy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The four regional health authorities (RHF, the tenants) and the hospital trusts (HF) that belong to each.
 * Public reference data: an HF code is only valid inside its own RHF.
 */
public enum HealthRegion {
    HELSE_NORD("helse-nord", List.of("unn", "nordlandssykehuset", "helgelandssykehuset", "finnmarkssykehuset",
            "sykehusapotek-nord")),
    HELSE_MIDT("helse-midt", List.of("st-olavs", "helse-more-og-romsdal", "helse-nord-trondelag")),
    HELSE_VEST("helse-vest", List.of("helse-bergen", "helse-stavanger", "helse-fonna", "helse-forde")),
    HELSE_SOR_OST("helse-sor-ost", List.of("ous", "ahus", "sykehuset-innlandet", "sykehuset-ostfold",
            "sorlandet-sykehus", "sykehuset-telemark", "sykehuset-i-vestfold", "vestre-viken", "sunnaas",
            "lovisenberg", "diakonhjemmet"));

    private final String code;
    private final List<String> hospitalTrusts;

    HealthRegion(String code, List<String> hospitalTrusts) {
        this.code = code;
        this.hospitalTrusts = hospitalTrusts;
    }

    public String code() {
        return code;
    }

    public List<String> hospitalTrusts() {
        return hospitalTrusts;
    }

    public boolean owns(String hf) {
        return hospitalTrusts.contains(hf);
    }

    public static Optional<HealthRegion> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    public static Optional<HealthRegion> ofHospitalTrust(String hf) {
        return Arrays.stream(values()).filter(r -> r.owns(hf)).findFirst();
    }
}
