package org.netmapengine.io.afpacket;

import org.netmapengine.io.netns.NetnsLab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Skips a test class, saying why, where network namespaces or a tool cannot be had. */
final class Labs
{
    private Labs()
    {
    }

    static NetnsLab open(final String... tools)
    {
        final String reason = NetnsLab.unavailableReason();
        assumeTrue(null == reason, () -> "skipped: " + reason);
        for (final String tool : tools)
        {
            final boolean found = java.util.stream.Stream.of("/usr/sbin", "/usr/bin", "/sbin", "/bin")
                .anyMatch(dir -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool)));
            assumeTrue(found, () -> "skipped: " + tool + " is not installed (bash .ci/test installs it)");
        }
        return NetnsLab.open();
    }
}
