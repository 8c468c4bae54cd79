package org.netmapengine.pipeline.compiler;

import org.netmapengine.io.name.PortSpec;
import org.netmapengine.io.port.BackendKind;
import org.netmapengine.pipeline.graph.ConfigLocation;
import org.netmapengine.pipeline.graph.IdleSettings;
import org.netmapengine.pipeline.graph.PortDef;
import org.netmapengine.pipeline.graph.Target;
import org.netmapengine.pipeline.graph.TxSettings;

/**
 * A port as read from its block, filled in phase by phase; becomes a {@link PortDef} when no phase found an error.
 */
final class PortDraft
{
    final String name;
    final ConfigLocation location;
    PortSpec spec;
    ConfigLocation specLocation;
    int batch = PortReader.DEFAULT_BATCH;
    int extraBuffers = -1;
    ConfigLocation extraBuffersLocation;
    IdleSettings idle = IdleSettings.DEFAULT;
    int[] cpus = new int[0];
    boolean perRing;
    String toName;
    ConfigLocation toLocation;
    TxSettings tx = TxSettings.DEFAULT;
    BackendKind backend;

    Target to;
    boolean transmits;

    PortDraft(final String name, final ConfigLocation location)
    {
        this.name = name;
        this.location = location;
        this.specLocation = location;
    }

    boolean receives()
    {
        return null != toName;
    }

    PortDef toDef()
    {
        return new PortDef(name, spec, batch, extraBuffers, idle, cpus, perRing, to, tx, backend, transmits,
            location);
    }
}
