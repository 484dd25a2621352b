package no.torn.competence.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvRowsTest {

    @Test
    void quotedCellsMayHoldCommasQuotesAndLineBreaks() {
        var lines = CsvRows.split("a,b\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).containsExactly("x, y", "say \"hi\"");
        assertThat(lines.get(2)).containsExactly("two\nlines", "z");
    }

    @Test
    void rowsMapColumnsByHeaderName() {
        var rows = CsvRows.parse("unit,hf,employeeNumber\npost,helse-bergen,V1\n\n");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).hf()).isEqualTo("helse-bergen");
        assertThat(rows.get(0).unit()).isEqualTo("post");
        assertThat(rows.get(0).name()).isNull();
    }

    @Test
    void unknownColumnsAndOpenQuotesAreRefused() {
        assertThatThrownBy(() -> CsvRows.parse("hf,shoeSize\nx,42")).hasMessageContaining("shoeSize");
        assertThatThrownBy(() -> CsvRows.split("hf\n\"open")).hasMessageContaining("rows[0]");
    }
}
