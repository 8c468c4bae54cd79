package org.netmapengine.io.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

/**
 * Pins the calling thread to a set of CPUs ({@code sched_setaffinity} on Linux).
 */
public final class CpuAffinity
{
    private static final int CPU_SET_BYTES = 128;

    private CpuAffinity()
    {
    }

    /**
     * @param cpus CPU numbers, each in {@code [0, 1024)}.
     * @throws IllegalArgumentException naming the CPUs when the kernel refuses them (e.g. none of them exists).
     */
    public static void pinCurrentThread(final int... cpus)
    {
        final Memory mask = new Memory(CPU_SET_BYTES);
        mask.clear();
        for (final int cpu : cpus)
        {
            if (cpu < 0 || cpu >= CPU_SET_BYTES * 8)
            {
                throw new IllegalArgumentException("cpu " + cpu + " out of range [0, " + CPU_SET_BYTES * 8 + ")");
            }
            final long word = cpu / 64;
            mask.setLong(word * 8, mask.getLong(word * 8) | 1L << (cpu % 64));
        }
        try
        {
            LibC.sched_setaffinity(0, CPU_SET_BYTES, mask);
        }
        catch (final LastErrorException e)
        {
            throw new IllegalArgumentException("cannot pin thread to cpus " + java.util.Arrays.toString(cpus) + ": " +
                Errno.describe(e.getErrorCode()), e);
        }
    }
}
