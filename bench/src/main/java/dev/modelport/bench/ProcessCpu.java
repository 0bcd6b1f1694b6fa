package dev.modelport.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A process's CPU time (user + system, all its threads) from {@code /proc/<pid>/stat}, in clock
 * ticks: what a request costs the machine, not only how long it takes.
 */
record ProcessCpu(long pid) {

    /** Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
    private static final double MILLIS_PER_TICK = 10.0;

    static ProcessCpu ofPidFile(Path pidFile) {
        try {
            return new ProcessCpu(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("no pid file " + pidFile + ": is the stack up (bin/platform up --workers 2)?", e);
        }
    }

    long ticks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name (field 2) may hold spaces: count fields from after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("process " + pid + " is gone", e);
        }
    }

    static long sum(List<ProcessCpu> processes) {
        return processes.stream().mapToLong(ProcessCpu::ticks).sum();
    }

    static double millis(long ticks) {
        return ticks * MILLIS_PER_TICK;
    }
}
