package dev.iafbt.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The commit record of one tiered write or delete: what the handle becomes. Once it is on disk
 * (written atomically, fsynced) the change is decided, and finishing it ({@link TieredCommit}) is
 * idempotent, so a killed writer's change is completed by whoever comes next; before it is on
 * disk nothing a reader or a scan looks at has changed.
 *
 * <p>File format (UTF-8 lines): {@code iafbt-intent 1}, {@code handle <percent-encoded>},
 * {@code generation <hex>}, {@code op write|delete}, and one {@code partition <dataset>} per Tier-2
 * dataset the new version has.
 *
 * @param handle     the handle, as stored
 * @param generation the hex suffix of the staged files ({@code .<name>.<generation>.tmp})
 * @param delete     the handle is being removed (nothing is staged)
 * @param partitions the Tier-2 datasets the new version has rows for; the others lose their partition
 */
record WriteIntent(String handle, String generation, boolean delete, Set<Tier2Dataset> partitions) {
    static final String SUFFIX = ".intent";
    private static final String MAGIC = "iafbt-intent 1";

    WriteIntent {
        partitions = partitions.isEmpty() ? EnumSet.noneOf(Tier2Dataset.class) : EnumSet.copyOf(partitions);
    }

    /** The intent file's name: one segment whatever the handle (nested handles are percent-encoded). */
    static String fileName(String handle) {
        return PartitionNames.encode(handle) + SUFFIX;
    }

    byte[] encode() {
        StringBuilder text = new StringBuilder(MAGIC).append('\n')
                .append("handle ").append(PartitionNames.encode(handle)).append('\n')
                .append("generation ").append(generation).append('\n')
                .append("op ").append(delete ? "delete" : "write").append('\n');
        for (Tier2Dataset dataset : partitions) {
            text.append("partition ").append(dataset.folderName()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws StoreException naming the file when it is not an intent iafbt wrote */
    static WriteIntent decode(byte[] bytes, Path file) {
        List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
        if (lines.size() < 4 || !lines.get(0).equals(MAGIC)) {
            throw new StoreException(file + ": not a write intent of iafbt (remove it if no iafbt write is running)");
        }
        String handle = PartitionNames.decode(value(lines.get(1), "handle", file));
        String generation = value(lines.get(2), "generation", file);
        String op = value(lines.get(3), "op", file);
        List<Tier2Dataset> partitions = new ArrayList<>();
        for (String line : lines.subList(4, lines.size())) {
            String folder = value(line, "partition", file);
            partitions.add(Tier2Dataset.fromFolderName(folder)
                    .orElseThrow(() -> new StoreException(file + ": unknown Tier-2 dataset '" + folder + "'")));
        }
        if (!generation.matches("[0-9a-f]{1,16}") || !(op.equals("write") || op.equals("delete"))) {
            throw new StoreException(file + ": damaged write intent (generation '" + generation + "', op '" + op + "')");
        }
        return new WriteIntent(handle, generation, op.equals("delete"), Set.copyOf(partitions));
    }

    private static String value(String line, String key, Path file) {
        if (!line.startsWith(key + " ")) {
            throw new StoreException(file + ": damaged write intent (expected '" + key + " …', found '" + line + "')");
        }
        return line.substring(key.length() + 1);
    }
}
