package no.torn.competence.api;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import no.torn.competence.domain.NationalIdentityNumbers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Refuses a string that looks like a national identity number (11 digits): TØRN never stores one. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoNationalId.Validator.class)
public @interface NoNationalId {

    String message() default NationalIdentityNumbers.MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NoNationalId, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return !NationalIdentityNumbers.looksLikeOne(value);
        }
    }
}
