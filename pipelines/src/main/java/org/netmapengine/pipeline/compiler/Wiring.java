package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.Spelling;
import org.netmapengine.pipeline.graph.Target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves every name a pipeline wires to: stage outputs and port {@code to}s become {@link Target}s, transmit
 * stages become the port they stand for. Reports name clashes, dangling names, undeclared and unwired outputs.
 */
final class Wiring
{
    private final Map<String, PortDraft> ports = new LinkedHashMap<>();
    private final Map<String, StageDraft> stages = new LinkedHashMap<>();
    private final Problems problems;

    private Wiring(final List<PortDraft> ports, final List<StageDraft> stages, final Problems problems)
    {
        for (final PortDraft port : ports)
        {
            this.ports.put(port.name, port);
        }
        for (final StageDraft stage : stages)
        {
            this.stages.put(stage.name, stage);
        }
        this.problems = problems;
    }

    /** Fills in {@link StageDraft#wiring}, {@link PortDraft#to} and {@link PortDraft#transmits}. */
    static void resolve(final List<PortDraft> ports, final List<StageDraft> stages, final Problems problems)
    {
        final Wiring wiring = new Wiring(ports, stages, problems);
        wiring.checkNameClashes();
        wiring.checkTransmitPorts();
        for (final StageDraft stage : stages)
        {
            if (!stage.isTransmit())
            {
                wiring.wireOutputs(stage);
            }
        }
        for (final PortDraft port : ports)
        {
            wiring.wireTo(port);
        }
        wiring.markTransmitters();
    }

    private void checkNameClashes()
    {
        for (final StageDraft stage : stages.values())
        {
            final PortDraft port = ports.get(stage.name);
            if (null != port)
            {
                problems.error(stage.location, "stage '" + stage.name + "' has the name of port '" + port.name +
                    "' (line " + port.location.line() + "): expected each name once across ports and stages");
            }
        }
    }

    private void checkTransmitPorts()
    {
        for (final StageDraft stage : stages.values())
        {
            if (stage.isTransmit() && null != stage.transmitPort && !ports.containsKey(stage.transmitPort))
            {
                problems.error(stage.transmitLocation, "'" + stage.transmitPort + "' is not a port of this " +
                    "pipeline: expected " + Spelling.oneOf(ports.keySet()) +
                    Spelling.didYouMean(stage.transmitPort, ports.keySet()));
            }
        }
    }

    private void wireOutputs(final StageDraft stage)
    {
        for (final Map.Entry<String, StageDraft.Wire> entry : stage.wires.entrySet())
        {
            final String output = entry.getKey();
            final StageDraft.Wire wire = entry.getValue();
            if (stage.built() && !stage.outputs.contains(output))
            {
                problems.error(wire.location(), undeclared(stage, output));
                continue;
            }

            final Target target = target(wire.target());
            if (null == target)
            {
                final List<String> names = new ArrayList<>(stages.keySet());
                names.addAll(ports.keySet());
                names.add(PipelineCompiler.DROP);
                problems.error(wire.location(), "'" + wire.target() + "' is not a stage, a port or drop: expected " +
                    Spelling.oneOf(names) + Spelling.didYouMean(wire.target(), names));
            }
            else
            {
                stage.wiring.put(output, target);
            }
        }

        if (stage.built())
        {
            for (final String output : stage.outputs)
            {
                if (!stage.wires.containsKey(output))
                {
                    problems.error(stage.outputsLocation.child(output), "output '" + output + "' is not wired: " +
                        "expected " + output + " = a stage, a port or drop");
                }
            }
        }
    }

    private static String undeclared(final StageDraft stage, final String output)
    {
        final String what = "stage '" + stage.name + "' (" + stage.typeName + ")";
        if (stage.outputs.isEmpty())
        {
            return what + " has no outputs: expected no outputs block";
        }
        return what + " has no output '" + output + "': expected one of its outputs: " +
            String.join(", ", stage.outputs) + Spelling.didYouMean(output, stage.outputs);
    }

    private void wireTo(final PortDraft port)
    {
        if (!port.receives())
        {
            return;
        }
        final String name = port.toName;
        final StageDraft stage = stages.get(name);
        if (null != stage)
        {
            port.to = stage.isTransmit() ? transmitTarget(stage) : new Target.StageTarget(name);
        }
        else if (ports.containsKey(name))
        {
            problems.error(port.toLocation, "'" + name + "' is a port: expected a stage (to bridge two ports, " +
                "send to a transmit stage)");
        }
        else if (PipelineCompiler.DROP.equals(name))
        {
            problems.error(port.toLocation, "'drop' is not a stage: expected a stage (to discard what a port " +
                "receives, send it to a drop stage)");
        }
        else
        {
            problems.error(port.toLocation, "'" + name + "' is not a stage: expected " +
                (stages.isEmpty() ? "a stage, and the pipeline has none" : Spelling.oneOf(stages.keySet())) +
                Spelling.didYouMean(name, stages.keySet()));
        }
    }

    private void markTransmitters()
    {
        for (final StageDraft stage : stages.values())
        {
            for (final Target target : stage.wiring.values())
            {
                markTransmitter(target);
            }
        }
        for (final PortDraft port : ports.values())
        {
            markTransmitter(port.to);
        }
    }

    private void markTransmitter(final Target target)
    {
        if (target instanceof Target.PortTarget)
        {
            ports.get(((Target.PortTarget)target).port()).transmits = true;
        }
    }

    private Target target(final String name)
    {
        if (PipelineCompiler.DROP.equals(name))
        {
            return Target.DROP;
        }
        final StageDraft stage = stages.get(name);
        if (null != stage)
        {
            return stage.isTransmit() ? transmitTarget(stage) : new Target.StageTarget(name);
        }
        return ports.containsKey(name) ? new Target.PortTarget(name) : null;
    }

    /** A transmit stage whose port is wrong has been reported; wires to it count as drop so as not to repeat it. */
    private Target transmitTarget(final StageDraft stage)
    {
        return null != stage.transmitPort && ports.containsKey(stage.transmitPort) ?
            new Target.PortTarget(stage.transmitPort) : Target.DROP;
    }
}
