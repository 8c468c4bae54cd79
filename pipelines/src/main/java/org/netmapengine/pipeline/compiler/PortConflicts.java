package org.netmapengine.pipeline.compiler;

import org.netmapengine.io.name.PortFlag;
import org.netmapengine.io.name.PortSpec;

import java.util.List;

/**
 * Two entries of {@code ports} must not work the same rings: a ring has one receiver and one transmitter, each the
 * single owner of its ring pointers. Two entries overlap when they name the same netmap port (same kernel name) and
 * their ring selections ({@code -N}, {@code ^}, {@code ^N}, {@code *}, none) share a ring that both bind in that
 * direction ({@code /R} binds RX rings only, {@code /T} TX rings only). Monitors ({@code /r /t /z}) only copy and
 * never conflict; nor do {@code pcap:} ports, each of which reads its file on its own.
 */
final class PortConflicts
{
    private PortConflicts()
    {
    }

    static void check(final List<PortDraft> ports, final Problems problems)
    {
        for (int j = 0; j < ports.size(); j++)
        {
            final PortDraft later = ports.get(j);
            for (int i = 0; i < j; i++)
            {
                final PortDraft earlier = ports.get(i);
                if (null == earlier.spec || null == later.spec)
                {
                    continue;
                }
                if (earlier.receives() && later.receives() && overlap(earlier.spec, later.spec, true))
                {
                    problems.error(later.specLocation, conflict("receives from the same RX rings", earlier) +
                        "one receiver per ring");
                }
                if (earlier.transmits && later.transmits && overlap(earlier.spec, later.spec, false))
                {
                    problems.error(later.specLocation, conflict("transmits on the same TX rings", earlier) +
                        "one transmitter per ring");
                }
            }
        }
    }

    private static String conflict(final String what, final PortDraft earlier)
    {
        return what + " as port '" + earlier.name + "' (" + earlier.spec.name() + ", line " +
            earlier.specLocation.line() + "): expected ";
    }

    /**
     * @param rx true for RX rings, false for TX rings.
     * @return whether both names bind a common ring of the same port in that direction.
     */
    static boolean overlap(final PortSpec a, final PortSpec b, final boolean rx)
    {
        if (a.isPcap() || b.isPcap() || !a.kernelName().equals(b.kernelName()) || isMonitor(a) || isMonitor(b) ||
            !binds(a, rx) || !binds(b, rx))
        {
            return false;
        }
        final RingSelection ra = RingSelection.of(a);
        final RingSelection rb = RingSelection.of(b);
        return overlap(ra.allNic(), ra.nicRing(), rb.allNic(), rb.nicRing()) ||
            overlap(ra.allHost(), ra.hostRing(), rb.allHost(), rb.hostRing());
    }

    private static boolean overlap(final boolean allA, final int ringA, final boolean allB, final int ringB)
    {
        final boolean anyA = allA || ringA >= 0;
        final boolean anyB = allB || ringB >= 0;
        return anyA && anyB && (allA || allB || ringA == ringB);
    }

    private static boolean isMonitor(final PortSpec spec)
    {
        return spec.hasFlag(PortFlag.MONITOR_RX) || spec.hasFlag(PortFlag.MONITOR_TX) ||
            spec.hasFlag(PortFlag.ZERO_COPY_MONITOR);
    }

    private static boolean binds(final PortSpec spec, final boolean rx)
    {
        return !spec.hasFlag(rx ? PortFlag.TX_RINGS_ONLY : PortFlag.RX_RINGS_ONLY);
    }

    /**
     * Which rings a registration mode binds.
     *
     * @param allNic   every NIC ring.
     * @param nicRing  one NIC ring, or -1.
     * @param allHost  every host ring.
     * @param hostRing one host ring, or -1.
     */
    record RingSelection(boolean allNic, int nicRing, boolean allHost, int hostRing)
    {
        static RingSelection of(final PortSpec spec)
        {
            switch (spec.mode())
            {
                case ONE_NIC:
                    return new RingSelection(false, spec.ringId(), false, -1);

                case SW:
                    return new RingSelection(false, -1, true, -1);

                case ONE_SW:
                    return new RingSelection(false, -1, false, spec.ringId());

                case NIC_SW:
                    return new RingSelection(true, -1, true, -1);

                case NULL:
                    return new RingSelection(false, -1, false, -1);

                default:
                    return new RingSelection(true, -1, false, -1);
            }
        }
    }
}
