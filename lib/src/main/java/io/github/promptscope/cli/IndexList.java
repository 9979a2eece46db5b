package io.github.promptscope.cli;

import java.util.ArrayList;
import java.util.List;

/** A command-line list of indices such as {@code "0-63"}, {@code "5"} or {@code "7, 0,3-5"}, in the order given. */
final class IndexList {

    private IndexList() {}

    /**
     * Parses {@code spec}; an error names {@code flag} and the part that is wrong, e.g.
     * {@code --voxels: "0-x" is not a voxel id or a range like 0-9}.
     *
     * @param what what an index is, for the error ("neuron index", "voxel id")
     * @param example a range to show in the error ("0-63")
     */
    static int[] parse(String flag, String spec, String what, String example) {
        List<Integer> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            int from;
            int to;
            try {
                int dash = p.indexOf('-', 1);
                from = Integer.parseInt(dash < 0 ? p : p.substring(0, dash).strip());
                to = dash < 0 ? from : Integer.parseInt(p.substring(dash + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + ": \"" + p + "\" is not a " + what + " or a range like " + example);
            }
            if (to < from) {
                throw new IllegalArgumentException(flag + ": range \"" + p + "\" ends before it starts");
            }
            for (int i = from; i <= to; i++) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
