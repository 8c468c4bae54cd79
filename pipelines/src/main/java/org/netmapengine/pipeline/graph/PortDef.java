package org.netmapengine.pipeline.graph;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;

import java.util.Objects;
import java.util.Optional;

/**
 * A netmap port of a compiled pipeline: what to open and how to run its receiver and transmitter.
 * <p>
 * A port <em>receives</em> when it has a {@code to} target, and <em>transmits</em> when an output of some stage
 * (directly or through a transmit stage) or another port's {@code to} targets it; it may do both. Immutable.
 */
public final class PortDef
{
    private final String name;
    private final PortSpec spec;
    private final int batch;
    private final int extraBuffers;
    private final IdleSettings idle;
    private final int[] cpus;
    private final boolean perRing;
    private final Target to;
    private final TxSettings tx;
    private final BackendKind backend;
    private final boolean transmits;
    private final ConfigLocation location;

    /**
     * @param name         the port's name in the pipeline (its key under {@code ports}).
     * @param spec         the parsed netmap port name.
     * @param batch        packets per burst and per batch, 1 to 4096.
     * @param extraBuffers extra buffers to ask netmap for: the receiver's free list.
     * @param idle         how the receiver waits on empty rings.
     * @param cpus         CPUs to pin the receiver to, empty for none.
     * @param perRing      one receiver per RX ring rather than one per port.
     * @param to           where received packets go, null when the port only transmits.
     * @param tx           what the transmitter does on a full ring.
     * @param backend      a backend for this port only, null for the node's {@code netmap.backend}.
     * @param transmits    whether anything sends to this port.
     * @param location     where the port is defined.
     */
    public PortDef(
        final String name,
        final PortSpec spec,
        final int batch,
        final int extraBuffers,
        final IdleSettings idle,
        final int[] cpus,
        final boolean perRing,
        final Target to,
        final TxSettings tx,
        final BackendKind backend,
        final boolean transmits,
        final ConfigLocation location)
    {
        this.name = Objects.requireNonNull(name, "name");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.batch = batch;
        this.extraBuffers = extraBuffers;
        this.idle = Objects.requireNonNull(idle, "idle");
        this.cpus = cpus.clone();
        this.perRing = perRing;
        this.to = to;
        this.tx = Objects.requireNonNull(tx, "tx");
        this.backend = backend;
        this.transmits = transmits;
        this.location = Objects.requireNonNull(location, "location");
    }

    public String name()
    {
        return name;
    }

    public PortSpec spec()
    {
        return spec;
    }

    /** @return packets per receive burst and per batch sent on. */
    public int batch()
    {
        return batch;
    }

    /** @return how many extra buffers to ask for ({@code nr_extra_bufs}); the kernel may grant fewer. */
    public int extraBuffers()
    {
        return extraBuffers;
    }

    public IdleSettings idle()
    {
        return idle;
    }

    /** @return a copy of the CPUs to pin to; empty for no affinity. */
    public int[] cpus()
    {
        return cpus.clone();
    }

    /** @return true for one receiver per RX ring ({@code rings = per-ring}), false for one per port. */
    public boolean perRing()
    {
        return perRing;
    }

    /** @return where received packets go: a {@link Target.StageTarget} or (through a transmit stage) a port. */
    public Optional<Target> to()
    {
        return Optional.ofNullable(to);
    }

    public TxSettings tx()
    {
        return tx;
    }

    /** @return the backend for this port, or empty for the node's default. */
    public Optional<BackendKind> backend()
    {
        return Optional.ofNullable(backend);
    }

    /** @return whether a receiver runs for this port. */
    public boolean receives()
    {
        return null != to;
    }

    /** @return whether a transmitter runs for this port. */
    public boolean transmits()
    {
        return transmits;
    }

    public ConfigLocation location()
    {
        return location;
    }

    @Override
    public String toString()
    {
        return "PortDef[" + name + "=" + spec + (receives() ? " to " + to.describe() : "") +
            (transmits ? " transmits" : "") + "]";
    }
}
