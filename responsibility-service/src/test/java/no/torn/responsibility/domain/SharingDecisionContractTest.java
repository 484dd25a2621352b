package no.torn.responsibility.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared decision table (docs/rules/sharing-decisions.csv) against this service's {@link SharingDecision}:
 * every row exactly (allowed, unmet rules in order, basis, supervision). task-service runs the same table.
 */
class SharingDecisionContractTest {

    private static final String TABLE = "docs/rules/sharing-decisions.csv";

    record Row(String name, SharingDecision.Task task, String group, boolean healthProfession,
               List<SharingDecision.Mapping> mappings, Set<String> held, boolean allowed, List<String> unmetRules,
               String basis, String supervision) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> rows() throws IOException {
        List<String> lines = Files.readAllLines(table());
        assertThat(lines.get(0)).isEqualTo("case,requiresHealthProfessional,allowsUntrainedStaff,risk,taskStatus,"
                + "required,group,healthProfession,mappingsToGroup,held,allowed,unmetRules,basis,supervision");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            assertThat(f).as(line).hasSize(14);
            SharingDecision.Task task = new SharingDecision.Task("T-" + f[0], Boolean.parseBoolean(f[1]),
                    Boolean.parseBoolean(f[2]), f[3], "ACTIVE".equals(f[4]), list(f[5], "\\+"));
            List<SharingDecision.Mapping> mappings = new ArrayList<>();
            int i = 0;
            for (String m : list(f[8], ";")) {
                String[] parts = m.split("/", -1);
                mappings.add(new SharingDecision.Mapping(new UUID(0, ++i), parts[0], parts[1], list(parts[2], "\\+")));
            }
            Set<String> held = "*".equals(f[9]) ? null : new LinkedHashSet<>(list(f[9], "\\+"));
            rows.add(new Row(f[0], task, f[6], Boolean.parseBoolean(f[7]), mappings, held,
                    Boolean.parseBoolean(f[10]), list(f[11], "[;+]"), f[12], f[13]));
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesAsTheTableSays(Row row) {
        SharingDecision.Result result = SharingDecision.decide(row.task(), row.group(), row.healthProfession(),
                row.mappings(), row.held());
        assertThat(result.allowed()).as("allowed").isEqualTo(row.allowed());
        assertThat(result.unmetRules()).as("unmetRules").containsExactlyElementsOf(row.unmetRules());
        assertThat(result.basis() == null ? "-" : result.basis().name()).as("basis").isEqualTo(row.basis());
        assertThat(result.supervision() == null ? "-" : result.supervision()).as("supervision")
                .isEqualTo(row.supervision());
        if (result.basis() == SharingDecision.Basis.MAPPING) {
            assertThat(row.mappings()).extracting(SharingDecision.Mapping::id).contains(result.mappingId());
        }
    }

    @Test
    void theTableHasEveryCaseAndThisServiceAgreesOnTheHealthProfessions() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSize(33);
        for (Row row : rows) {
            assertThat(PersonnelGroups.healthProfession(row.group())).as(row.name()).isEqualTo(row.healthProfession());
        }
        assertThat(PersonnelGroups.CODES).hasSize(15);
        assertThat(PersonnelGroups.HEALTH_PROFESSIONS).hasSize(11);
    }

    private static List<String> list(String field, String separator) {
        if (field.isEmpty() || "-".equals(field)) {
            return List.of();
        }
        return Arrays.stream(field.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The table in the repository: walk up from the working directory to the directory that holds it. */
    private static Path table() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(TABLE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(TABLE + " not found above " + Path.of("").toAbsolutePath());
    }
}
