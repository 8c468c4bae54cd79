package org.netmapengine.io.kernel;

import com.sun.jna.Pointer;
import org.junit.jupiter.api.Test;
import org.netmapengine.io.name.PortSpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ControlRequestTest
{
    private final ControlRequest request = new ControlRequest();

    @Test
    void shouldLeaveNothingOfAnEarlierRequestInTheBlock()
    {
        request.register(PortSpec.parse("netmap:eth0-1/x@offset=64"), 3, 0x800L, 16, 0, 0);

        request.portInfoGet("");

        assertArrayEquals(ExpectedBytes.header(2, "", 0, request.bodyAddress()),
            ExpectedBytes.read(request.address(), 88));
        assertArrayEquals(new byte[ControlRequest.BLOCK_SIZE - 88],
            ExpectedBytes.read(request.address() + 88, ControlRequest.BLOCK_SIZE - 88), "body and options cleared");
    }

    @Test
    void shouldAskForThePoolsOfARegionByPortAndMemId()
    {
        request.poolsInfoGet("p{1", 4);

        assertArrayEquals(ExpectedBytes.header(12, "p{1", 0, request.bodyAddress()),
            ExpectedBytes.read(request.address(), 88));
        assertArrayEquals(new ExpectedBytes(64).u16(8, 4).toArray(), ExpectedBytes.read(request.bodyAddress(), 64));
    }

    @Test
    void shouldReportNoStatusForAnOptionNotSent()
    {
        request.register(PortSpec.parse("netmap:eth0"), 0, 0, 0, 0, 0);

        assertEquals(ControlRequest.NOT_SENT, request.optionStatus(5));
        assertEquals(ControlRequest.NOT_SENT, request.optionStatus(1));
    }

    @Test
    void shouldDecodeTheStatusTheKernelWroteIntoAnOption()
    {
        request.register(PortSpec.parse("netmap:eth0@offset=64"), 0, 0, 0, 0, 0);
        new Pointer(request.offsetsOptionAddress()).setInt(12, 95);

        assertEquals(95, request.optionStatus(5));
    }

    @Test
    void shouldRefuseANameThatDoesNotFitNrName()
    {
        final String name = "x".repeat(64);

        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> request.portInfoGet(name));

        assertEquals("nr_name holds 63 bytes: kernelName=" + name, e.getMessage());
    }
}
