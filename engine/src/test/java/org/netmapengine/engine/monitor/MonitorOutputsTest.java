package org.netmapengine.engine.monitor;

import org.junit.jupiter.api.Test;
import org.netmapengine.engine.cluster.ControlReceiver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /status, the control answers and the live table, from one view. */
class MonitorOutputsTest
{
    @Test
    void shouldRenderTheViewAsWellFormedJson()
    {
        final Map<String, Object> status = MiniJson.object(MiniJson.parse(StatusJson.render(PrometheusTextTest.view())));

        assertEquals("127.0.0.1:25520", status.get("self"));
        final List<Object> members = MiniJson.array(status.get("members"));
        assertEquals(3, members.size());
        assertEquals(false, MiniJson.object(members.get(2)).get("reachable"));
        final Map<String, Object> unreachable = MiniJson.object(MiniJson.array(status.get("events")).get(2));
        assertEquals("unreachable", unreachable.get("event"));
        assertEquals(PrometheusTextTest.NOW - 1000, unreachable.get("time"));
        final Map<String, Object> b = MiniJson.object(MiniJson.array(status.get("nodes")).get(1));
        assertEquals(List.of("we\"ird\\pipe\nline"), b.get("pipelines"), "escaped and read back");
        final Map<String, Object> in = MiniJson.object(MiniJson.array(
            MiniJson.object(MiniJson.array(status.get("nodes")).get(0)).get("ports")).get(0));
        assertEquals(Map.of("drop", 10L, "no-buffer", 2L), in.get("dropped"));
        final Map<String, Object> control = MiniJson.object(MiniJson.array(status.get("control")).get(0));
        assertEquals(List.of("(inline):1: pipeline.ports.in.to: 'nowhere' is not a stage"), control.get("errors"));
        assertEquals(false, control.get("ok"));
    }

    @Test
    void shouldRenderAControlAnswer()
    {
        final String json = StatusJson.render(new ControlReceiver.ControlResult("127.0.0.1:1", "stop", "p", true, List.of(),
            0, "final accounting\n"));

        assertEquals("{\"node\":\"127.0.0.1:1\",\"action\":\"stop\",\"pipeline\":\"p\",\"ok\":true,\"errors\":[]," +
            "\"leaked\":0,\"accounting\":\"final accounting\\n\"}", json);
    }

    @Test
    void shouldPrintOneRowPerNodePortAndStageWithRatesFromTwoSnapshots()
    {
        final ClusterView first = PrometheusTextTest.view();
        final LiveTable table = new LiveTable(first.timeMillis() - 10_000);
        table.render(first);
        final ClusterView.Node a = first.nodes().get(0);
        final var s = a.snapshot();
        final var later = new org.netmapengine.engine.cluster.NodeSnapshot(s.node(), s.incarnation(), s.roles(),
            s.sequence() + 1, s.wallMillis() + 1000, s.nanoTime() + 1_000_000_000L, s.uptimeMillis() + 1000,
            s.pipelines(), List.of(new org.netmapengine.engine.cluster.PortSnapshot("default", "in", "netmap:default}0/R",
                "emulated", 21_000, 1_260_000, 0, 0, Map.of(), 0, 0, 4000, 4096, 96, 0, 0)), List.of(), s.jvm());
        final ClusterView second = new ClusterView(first.timeMillis() + 1000, first.self(), first.members(),
            first.events(), first.eventCounts(), List.of(new ClusterView.Node(later, a.receivedMillis() + 1000, "up",
            true)), first.control());

        final String text = table.render(second);

        assertTrue(text.startsWith("[   11s] monitor 127.0.0.1:25520, 3 members: 127.0.0.1:25520 up [monitor] " +
            "127.0.0.1:25521 up [packet] 127.0.0.1:25522 up/unreachable [packet]\n"), text);
        assertTrue(text.contains("127.0.0.1:25521       default    port   in           emulated      20000         0" +
            "       9.60        0   4000/4096         96       -\n"), text);
        assertTrue(text.contains("  control "), text);
        assertTrue(text.contains("reload default on 127.0.0.1:25521: refused: (inline):1: pipeline.ports.in.to: " +
            "'nowhere' is not a stage\n"), text);
    }
}
