package io.github.promptscope.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CategoryTasksTest {

    private static Map<String, String> categoryOfWord() {
        Map<String, String> of = new HashMap<>();
        for (List<String> r : WordTable.read(CategoryTasks.FILE, 2).rows()) {
            for (String w : r.get(1).split(" +")) {
                String before = of.put(w, r.get(0));
                assertEquals(null, before, w + " is in two categories: " + before + " and " + r.get(0));
            }
        }
        return of;
    }

    @Test
    void rowsAreFifteenDistinctWordsMostlyOfTheirCategorySplitSevenAndEight() {
        Map<String, String> of = categoryOfWord();
        SplittableRandom rng = new SplittableRandom(5);
        CategoryTasks.Vocabulary tools = CategoryTasks.Vocabulary.of("tools");
        int[] distractorCounts = new int[5];
        for (int i = 0; i < 500; i++) {
            Row row = CategoryTasks.row(tools, rng);
            List<String> in = List.of(row.fields().get(0).split(" "));
            List<String> out = List.of(row.answer().split(" "));
            assertEquals(7, in.size(), row.toString());
            assertEquals(8, out.size(), row.toString());
            List<String> all = new java.util.ArrayList<>(in);
            all.addAll(out);
            assertEquals(15, all.stream().distinct().count(), row.toString());
            long others = all.stream().filter(w -> !of.get(w).equals("tools")).count();
            distractorCounts[(int) others]++;
        }
        for (int k = 0; k <= 4; k++) {
            assertTrue(distractorCounts[k] > 60, "0-4 distractors, each about a fifth of rows: " + java.util.Arrays.toString(distractorCounts));
        }
    }

    @Test
    void datasetsLayRowsOutAsTheVoxelDatasetsDo() {
        Example voxel = VoxelWords.synthetic().voxel(1).read().examples().get(0);
        Example category = Datasets.get("category_animals", 3, 20).train().get(0);
        assertTrue(voxel.output().startsWith(" ") && category.output().startsWith(" "));
        assertEquals(voxel.input().split(" ").length, category.input().split(" ").length);
        assertEquals(voxel.output().split(" ").length, category.output().split(" ").length);
        assertEquals("The words are animals.", Datasets.task("category_animals").info().description());
    }

    /** Each synthetic voxel's planted category is one the voxels model was trained to name. */
    @Test
    void everySyntheticVoxelCategoryHasATrainedCategoryTask() {
        List<TaskInfo> categories = Datasets.list().stream()
                .filter(t -> t.collection().equals(CategoryTasks.COLLECTION)).toList();
        for (String id : VoxelWords.synthetic().voxels()) {
            TaskInfo voxel = VoxelWords.synthetic().voxel(Integer.parseInt(id)).read().info();
            Pattern regex = Pattern.compile(voxel.keywords(), Pattern.CASE_INSENSITIVE);
            long matching = categories.stream().filter(c -> regex.matcher(c.description()).find()).count();
            assertTrue(matching >= 1, "voxel " + id + " (" + voxel.description() + ") has no category task");
        }
    }
}
