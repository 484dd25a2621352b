package no.torn.platform.testing;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.stream.Collectors;

/** The HAPI FHIR validator against the R4 core definitions: a resource passes with no ERROR or FATAL message. */
public final class FhirValidation {

    public static final FhirContext R4 = FhirContext.forR4();

    private static final FhirValidator VALIDATOR = validator();

    /** Distinct warnings seen, shown once after the tests (e.g. code systems the validator does not know). */
    public static final Set<String> WARNINGS = new ConcurrentSkipListSet<>();

    private FhirValidation() {
    }

    private static FhirValidator validator() {
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(R4),
                new InMemoryTerminologyServerValidationSupport(R4),
                new CommonCodeSystemsTerminologyService(R4),
                new SnapshotGeneratingValidationSupport(R4));
        FhirInstanceValidator module = new FhirInstanceValidator(chain);
        return R4.newValidator().registerValidatorModule(module);
    }

    /** Validates the JSON text and parses it as {@code type}; fails listing every message when one is an error. */
    public static <T extends IBaseResource> T valid(String json, Class<T> type) {
        ValidationResult result = VALIDATOR.validateWithResult(json);
        List<SingleValidationMessage> messages = result.getMessages();
        boolean failed = messages.stream().anyMatch(m -> m.getSeverity() == ResultSeverityEnum.ERROR
                || m.getSeverity() == ResultSeverityEnum.FATAL);
        messages.stream().filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
                .forEach(m -> WARNINGS.add(m.getMessage()));
        if (failed) {
            throw new AssertionError("FHIR validation failed:\n" + messages.stream()
                    .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                    .collect(Collectors.joining("\n")) + "\n" + json);
        }
        return R4.newJsonParser().parseResource(type, json);
    }
}
