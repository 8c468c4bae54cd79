package org.netmapengine.pipeline.testing;

import org.netmapengine.pipeline.DropReason;
import org.netmapengine.pipeline.Outputs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Records what a stage decided for each packet, by output name: {@code "ipv4"} for a send, {@code "x reason"} for
 * a drop, and the copies in order as {@code "packet -> output"}.
 */
public final class RecordingOutputs implements Outputs
{
    private final List<String> outputNames;
    private final String[] decisions;
    private final int[] decisionCounts;
    private final List<String> copies = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    public RecordingOutputs(final List<String> outputNames, final int capacity)
    {
        this.outputNames = List.copyOf(outputNames);
        this.decisions = new String[capacity];
        this.decisionCounts = new int[capacity];
    }

    @Override
    public void send(final int packet, final int output)
    {
        decide(packet, outputNames.get(output));
    }

    @Override
    public void copy(final int packet, final int output)
    {
        copies.add(packet + " -> " + outputNames.get(output));
        events.add("copy " + packet + " -> " + outputNames.get(output));
    }

    @Override
    public void drop(final int packet, final DropReason reason)
    {
        decide(packet, "x " + reason.name());
    }

    private void decide(final int packet, final String decision)
    {
        decisions[packet] = decision;
        decisionCounts[packet]++;
        events.add(packet + " " + decision);
    }

    /** @return the decision for packet {@code i}: an output name or {@code "x reason"}. */
    public String decision(final int i)
    {
        return decisions[i];
    }

    /** @return the decisions of packets {@code [0, count)}. */
    public List<String> decisions(final int count)
    {
        return Arrays.asList(Arrays.copyOf(decisions, count));
    }

    public List<String> copies()
    {
        return copies;
    }

    /** @return sends, drops and copies in the order the stage made them. */
    public List<String> events()
    {
        return events;
    }

    /** Asserts the stage's contract: every packet of the batch decided exactly once. */
    public void assertEachDecidedOnce(final int count)
    {
        for (int i = 0; i < count; i++)
        {
            assertEquals(1, decisionCounts[i], "decisions for packet " + i);
        }
    }
}
