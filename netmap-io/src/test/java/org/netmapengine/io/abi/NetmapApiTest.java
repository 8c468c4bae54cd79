package org.netmapengine.io.abi;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every constant and ioctl number against {@code shared/reference/netmap-seeds.md} (1.1, 1.4, 1.5, 1.7,
 * 1.11, 1.13, 2.3, 2.4).
 */
class NetmapApiTest
{
    static Stream<Arguments> constants()
    {
        return Stream.of(
            arguments("NETMAP_API", NetmapApi.NETMAP_API, 14L),
            arguments("NETMAP_MIN_API", NetmapApi.NETMAP_MIN_API, 14L),
            arguments("NETMAP_MAX_API", NetmapApi.NETMAP_MAX_API, 15L),
            arguments("NM_CACHE_ALIGN", NetmapApi.NM_CACHE_ALIGN, 128L),
            arguments("IFNAMSIZ", NetmapApi.IFNAMSIZ, 16L),
            arguments("NETMAP_REQ_IFNAMSIZ", NetmapApi.NETMAP_REQ_IFNAMSIZ, 64L),
            arguments("NETMAP_REQ_MAXSIZE", NetmapApi.NETMAP_REQ_MAXSIZE, 4096L),
            arguments("NR_REG_DEFAULT", NetmapApi.NR_REG_DEFAULT, 0L),
            arguments("NR_REG_ALL_NIC", NetmapApi.NR_REG_ALL_NIC, 1L),
            arguments("NR_REG_SW", NetmapApi.NR_REG_SW, 2L),
            arguments("NR_REG_NIC_SW", NetmapApi.NR_REG_NIC_SW, 3L),
            arguments("NR_REG_ONE_NIC", NetmapApi.NR_REG_ONE_NIC, 4L),
            arguments("NR_REG_PIPE_MASTER", NetmapApi.NR_REG_PIPE_MASTER, 5L),
            arguments("NR_REG_PIPE_SLAVE", NetmapApi.NR_REG_PIPE_SLAVE, 6L),
            arguments("NR_REG_NULL", NetmapApi.NR_REG_NULL, 7L),
            arguments("NR_REG_ONE_SW", NetmapApi.NR_REG_ONE_SW, 8L),
            arguments("NR_REG_MASK", NetmapApi.NR_REG_MASK, 0xFL),
            arguments("NR_MONITOR_TX", NetmapApi.NR_MONITOR_TX, 0x100L),
            arguments("NR_MONITOR_RX", NetmapApi.NR_MONITOR_RX, 0x200L),
            arguments("NR_ZCOPY_MON", NetmapApi.NR_ZCOPY_MON, 0x400L),
            arguments("NR_EXCLUSIVE", NetmapApi.NR_EXCLUSIVE, 0x800L),
            arguments("NR_PTNETMAP_HOST", NetmapApi.NR_PTNETMAP_HOST, 0x1000L),
            arguments("NR_RX_RINGS_ONLY", NetmapApi.NR_RX_RINGS_ONLY, 0x2000L),
            arguments("NR_TX_RINGS_ONLY", NetmapApi.NR_TX_RINGS_ONLY, 0x4000L),
            arguments("NR_ACCEPT_VNET_HDR", NetmapApi.NR_ACCEPT_VNET_HDR, 0x8000L),
            arguments("NR_DO_RX_POLL", NetmapApi.NR_DO_RX_POLL, 0x10000L),
            arguments("NR_NO_TX_POLL", NetmapApi.NR_NO_TX_POLL, 0x20000L),
            arguments("NETMAP_RING_MASK", NetmapApi.NETMAP_RING_MASK, 0x0FFFL),
            arguments("NETMAP_NO_TX_POLL", NetmapApi.NETMAP_NO_TX_POLL, 0x1000L),
            arguments("NETMAP_SW_RING", NetmapApi.NETMAP_SW_RING, 0x2000L),
            arguments("NETMAP_HW_RING", NetmapApi.NETMAP_HW_RING, 0x4000L),
            arguments("NETMAP_DO_RX_POLL", NetmapApi.NETMAP_DO_RX_POLL, 0x8000L),
            arguments("NS_BUF_CHANGED", NetmapApi.NS_BUF_CHANGED, 0x0001L),
            arguments("NS_REPORT", NetmapApi.NS_REPORT, 0x0002L),
            arguments("NS_FORWARD", NetmapApi.NS_FORWARD, 0x0004L),
            arguments("NS_NO_LEARN", NetmapApi.NS_NO_LEARN, 0x0008L),
            arguments("NS_INDIRECT", NetmapApi.NS_INDIRECT, 0x0010L),
            arguments("NS_MOREFRAG", NetmapApi.NS_MOREFRAG, 0x0020L),
            arguments("NS_TXMON", NetmapApi.NS_TXMON, 0x0040L),
            arguments("NS_PORT_SHIFT", NetmapApi.NS_PORT_SHIFT, 8L),
            arguments("NS_PORT_MASK", NetmapApi.NS_PORT_MASK, 0xFF00L),
            arguments("NETMAP_MAX_FRAGS", NetmapApi.NETMAP_MAX_FRAGS, 64L),
            arguments("NR_TIMESTAMP", NetmapApi.NR_TIMESTAMP, 0x0002L),
            arguments("NR_FORWARD", NetmapApi.NR_FORWARD, 0x0004L),
            arguments("NI_PRIV_MEM", NetmapApi.NI_PRIV_MEM, 0x1L),
            arguments("NETMAP_REQ_REGISTER", NetmapApi.NETMAP_REQ_REGISTER, 1L),
            arguments("NETMAP_REQ_PORT_INFO_GET", NetmapApi.NETMAP_REQ_PORT_INFO_GET, 2L),
            arguments("NETMAP_REQ_VALE_ATTACH", NetmapApi.NETMAP_REQ_VALE_ATTACH, 3L),
            arguments("NETMAP_REQ_VALE_DETACH", NetmapApi.NETMAP_REQ_VALE_DETACH, 4L),
            arguments("NETMAP_REQ_VALE_LIST", NetmapApi.NETMAP_REQ_VALE_LIST, 5L),
            arguments("NETMAP_REQ_PORT_HDR_SET", NetmapApi.NETMAP_REQ_PORT_HDR_SET, 6L),
            arguments("NETMAP_REQ_PORT_HDR_GET", NetmapApi.NETMAP_REQ_PORT_HDR_GET, 7L),
            arguments("NETMAP_REQ_VALE_NEWIF", NetmapApi.NETMAP_REQ_VALE_NEWIF, 8L),
            arguments("NETMAP_REQ_VALE_DELIF", NetmapApi.NETMAP_REQ_VALE_DELIF, 9L),
            arguments("NETMAP_REQ_VALE_POLLING_ENABLE", NetmapApi.NETMAP_REQ_VALE_POLLING_ENABLE, 10L),
            arguments("NETMAP_REQ_VALE_POLLING_DISABLE", NetmapApi.NETMAP_REQ_VALE_POLLING_DISABLE, 11L),
            arguments("NETMAP_REQ_POOLS_INFO_GET", NetmapApi.NETMAP_REQ_POOLS_INFO_GET, 12L),
            arguments("NETMAP_REQ_SYNC_KLOOP_START", NetmapApi.NETMAP_REQ_SYNC_KLOOP_START, 13L),
            arguments("NETMAP_REQ_SYNC_KLOOP_STOP", NetmapApi.NETMAP_REQ_SYNC_KLOOP_STOP, 14L),
            arguments("NETMAP_REQ_CSB_ENABLE", NetmapApi.NETMAP_REQ_CSB_ENABLE, 15L),
            arguments("NETMAP_REQ_OPT_EXTMEM", NetmapApi.NETMAP_REQ_OPT_EXTMEM, 1L),
            arguments("NETMAP_REQ_OPT_SYNC_KLOOP_EVENTFDS", NetmapApi.NETMAP_REQ_OPT_SYNC_KLOOP_EVENTFDS, 2L),
            arguments("NETMAP_REQ_OPT_CSB", NetmapApi.NETMAP_REQ_OPT_CSB, 3L),
            arguments("NETMAP_REQ_OPT_SYNC_KLOOP_MODE", NetmapApi.NETMAP_REQ_OPT_SYNC_KLOOP_MODE, 4L),
            arguments("NETMAP_REQ_OPT_OFFSETS", NetmapApi.NETMAP_REQ_OPT_OFFSETS, 5L),
            arguments("NETMAP_REQ_OPT_MAX", NetmapApi.NETMAP_REQ_OPT_MAX, 6L),
            arguments("NETMAP_BDG_ATTACH", NetmapApi.NETMAP_BDG_ATTACH, 1L),
            arguments("NETMAP_BDG_DETACH", NetmapApi.NETMAP_BDG_DETACH, 2L),
            arguments("NETMAP_BDG_REGOPS", NetmapApi.NETMAP_BDG_REGOPS, 3L),
            arguments("NETMAP_BDG_LIST", NetmapApi.NETMAP_BDG_LIST, 4L),
            arguments("NETMAP_BDG_VNET_HDR", NetmapApi.NETMAP_BDG_VNET_HDR, 5L),
            arguments("NETMAP_BDG_NEWIF", NetmapApi.NETMAP_BDG_NEWIF, 6L),
            arguments("NETMAP_BDG_DELIF", NetmapApi.NETMAP_BDG_DELIF, 7L),
            arguments("NETMAP_PT_HOST_CREATE", NetmapApi.NETMAP_PT_HOST_CREATE, 8L),
            arguments("NETMAP_PT_HOST_DELETE", NetmapApi.NETMAP_PT_HOST_DELETE, 9L),
            arguments("NETMAP_BDG_POLLING_ON", NetmapApi.NETMAP_BDG_POLLING_ON, 10L),
            arguments("NETMAP_BDG_POLLING_OFF", NetmapApi.NETMAP_BDG_POLLING_OFF, 11L),
            arguments("NETMAP_VNET_HDR_GET", NetmapApi.NETMAP_VNET_HDR_GET, 12L),
            arguments("NETMAP_POOLS_INFO_GET", NetmapApi.NETMAP_POOLS_INFO_GET, 13L),
            arguments("NETMAP_BDG_HOST", NetmapApi.NETMAP_BDG_HOST, 1L),
            arguments("NETMAP_POLLING_MODE_SINGLE_CPU", NetmapApi.NETMAP_POLLING_MODE_SINGLE_CPU, 1L),
            arguments("NETMAP_POLLING_MODE_MULTI_CPU", NetmapApi.NETMAP_POLLING_MODE_MULTI_CPU, 2L),
            arguments("NM_OPT_SYNC_KLOOP_DIRECT_TX", NetmapApi.NM_OPT_SYNC_KLOOP_DIRECT_TX, 1L),
            arguments("NM_OPT_SYNC_KLOOP_DIRECT_RX", NetmapApi.NM_OPT_SYNC_KLOOP_DIRECT_RX, 2L));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("constants")
    void shouldMatchTheSeedValue(final String name, final long actual, final long expected)
    {
        assertEquals(expected, actual, name);
    }

    static Stream<Arguments> ioctls()
    {
        return Stream.of(
            arguments("Linux NIOCGINFO", IoctlNumbers.LINUX_NIOCGINFO, 0xC03C6991L),
            arguments("Linux NIOCREGIF", IoctlNumbers.LINUX_NIOCREGIF, 0xC03C6992L),
            arguments("Linux NIOCTXSYNC", IoctlNumbers.LINUX_NIOCTXSYNC, 0x00006994L),
            arguments("Linux NIOCRXSYNC", IoctlNumbers.LINUX_NIOCRXSYNC, 0x00006995L),
            arguments("Linux NIOCCONFIG", IoctlNumbers.LINUX_NIOCCONFIG, 0xC1106996L),
            arguments("Linux NIOCCTRL", IoctlNumbers.LINUX_NIOCCTRL, 0xC0586997L),
            arguments("FreeBSD NIOCGINFO", IoctlNumbers.FREEBSD_NIOCGINFO, 0xC03C6991L),
            arguments("FreeBSD NIOCREGIF", IoctlNumbers.FREEBSD_NIOCREGIF, 0xC03C6992L),
            arguments("FreeBSD NIOCTXSYNC", IoctlNumbers.FREEBSD_NIOCTXSYNC, 0x20006994L),
            arguments("FreeBSD NIOCRXSYNC", IoctlNumbers.FREEBSD_NIOCRXSYNC, 0x20006995L),
            arguments("FreeBSD NIOCCONFIG", IoctlNumbers.FREEBSD_NIOCCONFIG, 0xC1106996L),
            arguments("FreeBSD NIOCCTRL", IoctlNumbers.FREEBSD_NIOCCTRL, 0xC0586997L),
            arguments("Linux set NIOCCTRL", IoctlNumbers.LINUX.niocctrl(), 0xC0586997L),
            arguments("FreeBSD set NIOCTXSYNC", IoctlNumbers.FREEBSD.niocTxSync(), 0x20006994L));
    }

    @ParameterizedTest(name = "{0} = 0x{2}")
    @MethodSource("ioctls")
    void shouldEncodeTheSeedIoctlNumber(final String name, final long actual, final long expected)
    {
        assertEquals(Long.toHexString(expected), Long.toHexString(actual), name);
    }
}
