package org.netmapengine.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The final accounting of a pipeline, taken when it has stopped: per receiving port, every packet it issued
 * by how it ended ({@code received + copies = transmitted + dropped + in flight}, with in flight 0 in a clean
 * shutdown), per transmitter what it put on the wire, per stage what went in and out and what it leaked.
 *
 * @param leaks one line per leak found: a port whose handles did not all come back, a stage that left packets
 *              undecided. Empty when the accounting is clean.
 */
public record PipelineReport(
    String pipeline,
    List<PortStatus> receivers,
    List<TransmitterStatus> transmitters,
    List<StageStatus> stages,
    List<String> leaks)
{
    /** Builds the report and finds the leaks. */
    static PipelineReport of(
        final String pipeline,
        final List<PortStatus> receivers,
        final List<TransmitterStatus> transmitters,
        final List<StageStatus> stages)
    {
        final List<String> leaks = new ArrayList<>();
        for (final PortStatus port : receivers)
        {
            if (0 != port.inFlight())
            {
                leaks.add("port " + port.name() + ": " + port.inFlight() + " handles never came back");
            }
        }
        for (final StageStatus stage : stages)
        {
            if (stage.leaked() > 0)
            {
                leaks.add("stage " + stage.name() + ": leaked " + stage.leaked() + " handles (neither sent nor dropped; " +
                    "their buffers were recovered as dropped 'unrouted')");
            }
        }
        final long atOwners = receivers.stream().mapToLong(PortStatus::transmitted).sum();
        final long atPorts = transmitters.stream().mapToLong(TransmitterStatus::transmitted).sum();
        if (atOwners != atPorts)
        {
            leaks.add("transmitted " + atPorts + " packets but their owners counted " + atOwners);
        }
        return new PipelineReport(pipeline, List.copyOf(receivers), List.copyOf(transmitters), List.copyOf(stages),
            List.copyOf(leaks));
    }

    /** @return true when every packet is accounted for: nothing in flight, nothing leaked, both ends agree. */
    public boolean clean()
    {
        return leaks.isEmpty();
    }

    /** @return leaked handles: still in flight at close, plus those stages left undecided. */
    public long leaked()
    {
        return receivers.stream().mapToLong(PortStatus::inFlight).sum() +
            stages.stream().mapToLong(StageStatus::leaked).sum();
    }

    /** @return the accounting for people, one line per port, transmitter and stage. */
    public String render()
    {
        final StringBuilder out = new StringBuilder();
        out.append("final accounting of pipeline '").append(pipeline).append("':\n");
        for (final PortStatus p : receivers)
        {
            out.append(String.format(Locale.ROOT, "  port %s (%s, %s): received %d + copies %d = transmitted %d + " +
                "dropped %d %s + in flight %d%s%s%s%n", p.name(), p.portName(), p.backend(), p.received(), p.copies(),
                p.transmitted(), p.droppedTotal(), p.dropped(), p.inFlight(),
                p.multiSlot() > 0 ? "; multi-slot packets left out " + p.multiSlot() : "",
                p.malformedSlots() > 0 ? "; malformed slots left out " + p.malformedSlots() : "",
                p.edgeDropped() > 0 ? "; dropped before the rings " + p.edgeDropped() + " (kernel ring full " +
                    p.kernelDropped() + ", oversize " + p.oversizeDropped() + ")" : ""));
        }
        for (final TransmitterStatus t : transmitters)
        {
            out.append(String.format(Locale.ROOT, "  transmitter %s (%s, %s): transmitted %d (zero-copy %d, copied " +
                "%d), dropped tx-full %d, tx-error %d%n", t.name(), t.portName(), t.backend(), t.transmitted(),
                t.zeroCopy(), t.copied(), t.txFull(), t.txErrors()));
        }
        for (final StageStatus s : stages)
        {
            out.append(String.format(Locale.ROOT, "  stage %s: in %d, out %d, dropped %s, errors %d, copies %d, " +
                "leaked %d%s%n", s.name(), s.in(), s.out(), s.dropped(), s.errors(), s.copies(), s.leaked(),
                s.restarts() > 0 ? ", restarts " + s.restarts() : ""));
        }
        out.append(String.format(Locale.ROOT, "  in flight %d, leaked %d: %s%n",
            receivers.stream().mapToLong(PortStatus::inFlight).sum(), leaked(),
            clean() ? "every packet accounted for" : String.join("; ", leaks)));
        return out.toString();
    }
}
