package io.github.promptscope.lm;

/** A function attached to one hook point for one call of {@link LanguageModel#runWithHooks}. */
public record Hook(HookName name, HookFunction function) {

    public Hook {
        if (name == null || function == null) {
            throw new IllegalArgumentException("a hook needs a name and a function");
        }
    }

    public static Hook at(HookName name, HookFunction function) {
        return new Hook(name, function);
    }
}
