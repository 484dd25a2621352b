package no.torn.task.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the shared decision table docs/rules/sharing-decisions.csv (the contract with responsibility-service)
 * against {@link SharingDecision}: every row's allowed, unmet rules (exact list, in order), basis and supervision.
 */
class SharingDecisionContractTest {

    static final String TABLE = "docs/rules/sharing-decisions.csv";

    /** One row of the table, named by its case. */
    record Row(String name, SharingDecision.TaskTerms task, String group, boolean healthProfession,
               List<SharingDecision.Mapping> mappings, Set<String> held, boolean allowed, List<String> unmetRules,
               String basis, String supervision) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Row> rows() throws IOException {
        Path table = repositoryRoot().resolve(TABLE);
        List<String> lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        assertThat(header).containsExactly("case", "requiresHealthProfessional", "allowsUntrainedStaff", "risk",
                "taskStatus", "required", "group", "healthProfession", "mappingsToGroup", "held", "allowed",
                "unmetRules", "basis", "supervision");
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split(",", -1);
            assertThat(c).as(line).hasSize(header.size());
            SharingDecision.TaskTerms task = new SharingDecision.TaskTerms("T-" + c[0], bool(c[1]), bool(c[2]),
                    RiskLevel.valueOf(c[3]), TaskStatus.valueOf(c[4]), list(c[5], "\\+"));
            List<SharingDecision.Mapping> mappings = new ArrayList<>();
            if (!c[8].equals("-")) {
                int i = 0;
                for (String m : c[8].split(";")) {
                    String[] parts = m.split("/", -1);
                    mappings.add(new SharingDecision.Mapping(new UUID(0, ++i), "sykepleier", c[6],
                            MappingStatus.valueOf(parts[0]), SupervisionLevel.valueOf(parts[1]),
                            list(parts[2], "\\+")));
                }
            }
            Set<String> held = c[9].equals("*") ? null : list(c[9], "\\+");
            rows.add(new Row(c[0], task, c[6], bool(c[7]), mappings, held, bool(c[10]),
                    List.copyOf(list(c[11], "[;+]")), c[12], c[13]));
        }
        return rows;
    }

    static Stream<Arguments> cases() throws IOException {
        return rows().stream().map(row -> Arguments.of(row));
    }

    @Test
    void theTableHasEveryCase() throws IOException {
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
        assertThat(rows.stream().map(Row::name).distinct()).hasSize(rows.size());
        System.out.println("Sharing decision table: " + rows.size() + " cases from " + TABLE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("cases")
    void decidesAsTheTableSays(Row row) {
        SharingDecision.Outcome outcome = row.held() == null
                ? SharingDecision.forGroup(row.task(), row.group(), row.healthProfession(), row.mappings())
                : SharingDecision.forPerson(row.task(), row.group(), row.healthProfession(), row.mappings(),
                row.held());
        assertThat(outcome.allowed()).as(row.name() + ": allowed").isEqualTo(row.allowed());
        assertThat(outcome.unmetRules()).as(row.name() + ": unmetRules").containsExactlyElementsOf(row.unmetRules());
        assertThat(outcome.basis() == null ? "-" : outcome.basis().name()).as(row.name() + ": basis").isEqualTo(row.basis());
        assertThat(outcome.supervision() == null ? "-" : outcome.supervision().name()).as(row.name() + ": supervision")
                .isEqualTo(row.supervision());
        if (outcome.basis() == SharingDecision.Basis.MAPPING) {
            assertThat(outcome.applied().status()).isEqualTo(MappingStatus.APPROVED);
            assertThat(row.mappings()).contains(outcome.applied());
        }
        outcome.unmet().forEach(rule -> assertThat(rule.detail()).as(rule.rule()).isNotBlank());
    }

    private static boolean bool(String value) {
        assertThat(value).isIn("true", "false");
        return Boolean.parseBoolean(value);
    }

    private static Set<String> list(String value, String separator) {
        return value.equals("-") || value.isEmpty() ? Set.of()
                : new LinkedHashSet<>(Arrays.asList(value.split(separator)));
    }

    /** The repository root: the nearest directory up from here that holds the table. */
    static Path repositoryRoot() {
        String configured = System.getProperty("torn.project.root");
        Path start = (configured != null ? Path.of(configured) : Path.of("")).toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(TABLE))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find " + TABLE + " above " + start);
    }
}
