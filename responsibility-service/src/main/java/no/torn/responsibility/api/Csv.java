package no.torn.responsibility.api;

import java.util.List;

/** RFC 4180 CSV cells; cells that a spreadsheet would run as a formula are neutralised. */
final class Csv {

    private Csv() {
    }

    static String row(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells[i]));
        }
        return sb.append("\r\n").toString();
    }

    static String join(List<String> values) {
        return String.join("; ", values);
    }

    static String cell(String value) {
        if (value == null || value.equals("null")) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || v.contains(";")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
