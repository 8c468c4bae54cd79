package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.graph.ConfigLocation;
import org.netmapengine.pipeline.graph.StageDef;
import org.netmapengine.pipeline.graph.StageFactory;
import org.netmapengine.pipeline.graph.Target;
import org.netmapengine.pipeline.stages.Transmit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;

/**
 * A stage as read from its block, filled in phase by phase; becomes a {@link StageDef} when no phase found an
 * error. A stage whose class or constructor failed has no outputs ({@link #built()} is false): later phases still
 * treat its name as a stage, so one mistake is reported once.
 */
final class StageDraft
{
    /**
     * One line of an {@code outputs} block.
     *
     * @param target   the name written: a stage, a port or drop.
     * @param location where it is written.
     */
    record Wire(String target, ConfigLocation location)
    {
    }

    final String name;
    final ConfigLocation location;
    String typeName;
    Class<? extends Stage> stageClass;
    StageFactory factory;
    List<String> outputs;
    final Map<String, Wire> wires = new LinkedHashMap<>();
    ConfigLocation outputsLocation;
    boolean async;
    int parallelism = 1;
    String transmitPort;
    ConfigLocation transmitLocation;

    final Map<String, Target> wiring = new LinkedHashMap<>();

    StageDraft(final String name, final ConfigLocation location)
    {
        this.name = name;
        this.location = location;
        this.outputsLocation = location.child("outputs");
    }

    boolean built()
    {
        return null != outputs;
    }

    boolean isTransmit()
    {
        return Transmit.class == stageClass;
    }

    StageDef toDef()
    {
        return new StageDef(name, typeName, stageClass, factory, outputs, wiring, async, parallelism, location);
    }
}
