package no.torn.grants;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For story tests written as ordered steps that build on each other: once a step fails, the later steps of that class
 * are skipped, so the report names the step that broke instead of every step after it.
 */
public class Steps implements TestWatcher, ExecutionCondition {

    private static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        BROKEN.add(context.getRequiredTestClass().getName());
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().isPresent() && BROKEN.contains(context.getRequiredTestClass().getName())) {
            return ConditionEvaluationResult.disabled("an earlier step of this story failed");
        }
        return ConditionEvaluationResult.enabled("no earlier step failed");
    }
}
