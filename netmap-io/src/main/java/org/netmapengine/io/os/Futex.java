package org.netmapengine.io.os;

import com.sun.jna.Memory;
import com.sun.jna.Platform;

/**
 * Linux futex on a 32-bit word in shared memory: sleep until another thread or process wakes the word,
 * without spinning. Uses the shared (not {@code _PRIVATE}) operations, so it works across processes
 * that map the same file.
 * <p>
 * One instance per waiting thread: it keeps the {@code struct timespec} it passes to the kernel.
 */
public final class Futex
{
    private static final long SYS_FUTEX = Platform.isARM() ? 98 : 202;
    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    private final Memory timespec = new Memory(16);
    private final long timespecAddress = com.sun.jna.Pointer.nativeValue(timespec);

    /**
     * Sleeps while the word at {@code address} still holds {@code expected}, for at most
     * {@code timeoutNanos}. Returns early on a wake, a changed word, a signal or the timeout: callers
     * re-check their condition, which is why the reason does not matter. Allocates nothing.
     */
    public void await(final long address, final int expected, final long timeoutNanos)
    {
        timespec.setLong(0, timeoutNanos / 1_000_000_000L);
        timespec.setLong(8, timeoutNanos % 1_000_000_000L);
        RawSyscall.syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, timespecAddress, 0, 0);
    }

    /** Wakes every thread sleeping on the word at {@code address}. */
    public static void wakeAll(final long address)
    {
        RawSyscall.syscall(SYS_FUTEX, address, FUTEX_WAKE, Integer.MAX_VALUE, 0, 0, 0);
    }
}
