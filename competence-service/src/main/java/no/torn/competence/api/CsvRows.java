package no.torn.competence.api;

import no.torn.competence.application.HrImport;
import no.torn.competence.domain.ImportRow;
import no.torn.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the import CSV: a header row naming the columns, then one row per employee/record (RFC 4180 quoting). */
final class CsvRows {

    private CsvRows() {
    }

    static List<ImportRow> parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "must be CSV with a header row");
        }
        List<List<String>> lines = split(body.startsWith("\uFEFF") ? body.substring(1) : body);
        List<String> header = lines.get(0);
        Map<String, Integer> column = new HashMap<>();
        List<String> known = Arrays.asList(ImportRow.COLUMNS);
        for (int c = 0; c < header.size(); c++) {
            String name = header.get(c).strip();
            if (name.equalsIgnoreCase("nationalIdentityNumber") || name.equalsIgnoreCase("fodselsnummer")) {
                throw ProblemException.invalid("header." + name,
                        "national identity numbers are not stored (data minimisation); remove the column");
            }
            if (!known.contains(name)) {
                throw ProblemException.invalid("header." + name, "unknown column; known columns are " + known);
            }
            column.put(name, c);
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = lines.get(i);
            if (cells.size() == 1 && cells.get(0).isBlank()) {
                continue;
            }
            if (rows.size() >= HrImport.MAX_ROWS) {
                throw ProblemException.invalid("rows", "must contain at most " + HrImport.MAX_ROWS + " rows per request");
            }
            rows.add(new ImportRow(cell(cells, column, "hf"), cell(cells, column, "employeeNumber"),
                    cell(cells, column, "name"), cell(cells, column, "unit"), cell(cells, column, "personnelGroup"),
                    cell(cells, column, "hprNumber"), cell(cells, column, "competenceCode"),
                    cell(cells, column, "acquiredOn"), cell(cells, column, "validUntil"),
                    cell(cells, column, "evidenceIssuer"), cell(cells, column, "evidenceDocumentReference"), null));
        }
        return rows;
    }

    private static String cell(List<String> cells, Map<String, Integer> column, String name) {
        Integer c = column.get(name);
        return c == null || c >= cells.size() ? null : cells.get(c);
    }

    /** Splits into lines of cells, honouring quotes (commas and line breaks inside quotes are data). */
    static List<List<String>> split(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                lines.add(cells);
                cells = new ArrayList<>();
                line++;
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw ProblemException.invalid(line == 0 ? "header" : "rows[" + (line - 1) + "]",
                    "has an unterminated quoted value");
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            lines.add(cells);
        }
        return lines;
    }
}
