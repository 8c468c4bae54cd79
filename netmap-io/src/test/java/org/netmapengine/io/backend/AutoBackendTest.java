package org.netmapengine.io.backend;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netmapengine.io.emulated.EmulatedConfig;
import org.netmapengine.io.kernel.KernelBackend;
import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.Backend;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.io.port.NetmapPort;
import org.netmapengine.io.port.PortOptions;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * {@code netmap.backend = auto} on this machine, for real: the build hosts have no netmap module, so
 * {@code /dev/netmap} is absent and AUTO must fall back to the emulated backend and say why.
 */
class AutoBackendTest
{
    @TempDir
    Path dir;

    private final Logger logger = (Logger)LoggerFactory.getLogger(AutoBackend.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog()
    {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog()
    {
        logger.detachAppender(log);
    }

    @Test
    void shouldOpenAnEmulatedPipeWhenTheDeviceIsAbsent()
    {
        assumeFalse(Files.exists(Path.of(KernelBackend.DEFAULT_DEVICE)), "this machine has the netmap module");
        final Backend auto = Backends.create(BackendKind.AUTO, EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(4096));

        try (NetmapPort port = auto.open(PortSpec.parse("netmap:auto{1"), PortOptions.DEFAULT))
        {
            assertEquals(BackendKind.EMULATED, port.backend());
        }
    }

    @Test
    void shouldLogWhyItChoseTheEmulatedBackend()
    {
        assumeFalse(Files.exists(Path.of(KernelBackend.DEFAULT_DEVICE)), "this machine has the netmap module");
        final Backend auto = Backends.create(BackendKind.AUTO, EmulatedConfig.DEFAULT.withDirectory(dir).withBuffers(4096));

        auto.open(PortSpec.parse("netmap:auto{2"), PortOptions.DEFAULT).close();

        assertEquals(List.of("netmap:auto{2: backend emulated, because no /dev/netmap (ENOENT): the netmap kernel " +
            "module is not loaded"), log.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
    }

    @Test
    void shouldBuildTheKernelBackendForKernel()
    {
        assertEquals(BackendKind.KERNEL, Backends.create(BackendKind.KERNEL, EmulatedConfig.DEFAULT).kind());
    }
}
