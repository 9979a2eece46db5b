package io.github.promptscope.kernel;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell one {@link InProcessExecution} and keeps it, so the evaluator can reach its values. */
final class InProcessExecutionProvider implements ExecutionControlProvider {

    private volatile InProcessExecution execution;

    @Override
    public String name() {
        return "promptscope-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        execution = new InProcessExecution();
        return execution;
    }

    InProcessExecution execution() {
        if (execution == null) {
            throw new IllegalStateException("JShell has not started its execution engine yet");
        }
        return execution;
    }
}
