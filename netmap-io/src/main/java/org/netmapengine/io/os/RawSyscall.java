package org.netmapengine.io.os;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * {@code syscall(2)} for calls whose failures are routine and need no {@code errno}: a futex wait that times out
 * or finds the word already changed just means "look again". Mapped without {@code LastErrorException}, so such
 * a return costs no exception (an allocation and a stack trace each time, on a path that runs per batch).
 */
final class RawSyscall
{
    static
    {
        Native.register(RawSyscall.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    private RawSyscall()
    {
    }

    /** @return the call's result; -1 on failure, whatever the reason. */
    static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);
}
