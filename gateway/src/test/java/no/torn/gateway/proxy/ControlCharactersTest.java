package no.torn.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControlCharactersTest {

    @Test
    void pathIsCheckedRawAndPercentDecodedOnce() {
        assertThat(ControlCharacters.find("/api/v1/tasks/%00", null)).hasValue("path");
        assertThat(ControlCharacters.find("/api/v1/tasks/a%1Fb", null)).hasValue("path");
        assertThat(ControlCharacters.find("/api/v1/tasks/%7f", null)).hasValue("path");
        assertThat(ControlCharacters.find("/api/v1/tasks/a\u0001b", null)).hasValue("path");
        assertThat(ControlCharacters.find("/api/v1/tasks/%2500", null)).isEmpty();
        assertThat(ControlCharacters.find("/api/v1/tasks/%20%C3%86%", null)).isEmpty();
        assertThat(ControlCharacters.find("/api/v1/tasks/%0", null)).isEmpty();
        assertThat(ControlCharacters.find("/api/v1/tasks/%zz", "")).isEmpty();
    }

    @Test
    void queryNamesTheParameterOrSaysQueryForAName() {
        assertThat(ControlCharacters.find("/x", "unit=a%0Ab")).hasValue("unit");
        assertThat(ControlCharacters.find("/x", "page=1&unit=a%0Ab&size=2")).hasValue("unit");
        assertThat(ControlCharacters.find("/x", "page=1&na%6De=%7F")).hasValue("name");
        assertThat(ControlCharacters.find("/x", "page=1&a%00=1")).hasValue("query");
        assertThat(ControlCharacters.find("/x", "%09")).hasValue("query");
        assertThat(ControlCharacters.find("/x", "flag&unit=%0")).isEmpty();
        assertThat(ControlCharacters.find("/x", "a=%2500&b=+&c=%C3%A6&&d==")).isEmpty();
        // the check of one value does not run into the next parameter
        assertThat(ControlCharacters.find("/x", "a=%0&%41=1")).isEmpty();
    }
}
