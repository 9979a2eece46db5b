package io.github.promptscope.kernel;

/** The cell was interrupted (the notebook's stop button); the kernel and its variables stay usable. */
public final class CellInterrupted extends Exception {

    CellInterrupted() {
        super("Interrupted: the cell was stopped; variables defined before the interrupt are kept");
    }
}
