package org.netmapengine.pipeline.compiler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.netmapengine.pipeline.PipelineConfigException;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A table of bad pipeline files (under {@code src/test/resources/pipelines/bad}) and every error each must produce,
 * with file, line, path and what was expected, in file and line order.
 */
class BadPipelinesTest
{
    private static final String TYPES = "arp-responder, classify, classify-ethertype, classify-port, counter, " +
        "dedup, drop, filter, hash-lb, icmp-echo, learning-bridge, pcap-writer, print, rate-limit, round-robin, " +
        "sample, static-nat, tee, transmit, ttl-dec, vlan-pop, vlan-push";

    static Stream<Arguments> badPipelines()
    {
        return Stream.of(
            bad("abstract-class.conf",
                "abstract-class.conf:7: pipeline.stages.mine.class: class com.acme.AbstractStage is " +
                "abstract: expected a concrete class"),
            bad("backoff-parks.conf",
                "backoff-parks.conf:5: pipeline.ports.in.idle.max-park: expected min-park (1ms) <= " +
                "max-park (10us), got string \"10us\""),
            bad("bad-idle-strategy.conf",
                "bad-idle-strategy.conf:5: pipeline.ports.in.idle.strategy: expected poll, backoff, " +
                "yield or spin, got string \"sleep\""),
            bad("bad-port-name.conf",
                "bad-port-name.conf:4: pipeline.ports.in.port: bad port name 'netmap:eth0-x' at " +
                "position 12: expected a ring number after '-'\n  netmap:eth0-x\n              ^"),
            bad("bad-port-settings.conf",
                "bad-port-settings.conf:5: pipeline.ports.in.cpu: expected a CPU number or a list of " +
                "them, such as 2 or [2, 3], got list [1,-2]",
                "bad-port-settings.conf:6: pipeline.ports.in.rings: expected per-port (one receiver) " +
                "or per-ring (one receiver per RX ring), got string \"per-queue\"",
                "bad-port-settings.conf:7: pipeline.ports.in.backend: expected auto, kernel or " +
                "emulated, got string \"dpdk\"",
                "bad-port-settings.conf:8: pipeline.ports.in.tx.when-full: expected wait or drop, got " +
                "string \"block\""),
            bad("batch-out-of-range.conf",
                "batch-out-of-range.conf:5: pipeline.ports.in.batch: expected an integer in [1, " +
                "4096], got number 0",
                "batch-out-of-range.conf:10: pipeline.ports.out.batch: expected an integer in [1, " +
                "4096], got number 5000"),
            bad("class-not-found.conf",
                "class-not-found.conf:7: pipeline.stages.mine.class: class com.acme.Nope not found: " +
                "expected a class on the class path that implements org.netmapengine.pipeline.Stage"),
            bad("constructor-throws.conf",
                "constructor-throws.conf:6: pipeline.stages.fail: the constructor of " +
                "com.acme.FailingStage threw java.lang.IllegalStateException: boom"),
            bad("cycle.conf",
                "cycle.conf:8: pipeline.stages.c.outputs.out: cycle in the stage graph: a -> b -> c " +
                "-> a: expected every packet to leave through a port or drop"),
            bad("dangling-output.conf",
                "dangling-output.conf:8: pipeline.stages.count.outputs.out: 'cuont' is not a stage, a " +
                "port or drop: expected one of count, drop, in (did you mean 'count'?)"),
            bad("drop-as-a-name.conf",
                "drop-as-a-name.conf:4: pipeline.ports.drop: 'drop' is reserved for dropping packets: " +
                "expected another port name",
                "drop-as-a-name.conf:8: pipeline.stages.drop: 'drop' is reserved for dropping " +
                "packets: expected another stage name"),
            bad("extra-buffers-below-batch.conf",
                "extra-buffers-below-batch.conf:6: pipeline.ports.in.extra-buffers: a receiving port " +
                "swaps every received slot with a free buffer: expected at least batch (512) extra " +
                "buffers, got 256"),
            bad("hidden-class.conf",
                "hidden-class.conf:7: pipeline.stages.mine.class: class com.acme.HiddenStage is not " +
                "public: expected a public class with a public constructor"),
            bad("idle-key-of-another-strategy.conf",
                "idle-key-of-another-strategy.conf:7: pipeline.ports.in.idle.timeout: unknown key " +
                "'timeout': expected strategy"),
            bad("many-errors.conf",
                "many-errors.conf:3: pipeline.ports.in.batch: expected an integer in [1, 4096], got " +
                "number 9999",
                "many-errors.conf:4: pipeline.ports.out.port: bad port name 'netmap:eth1@bogus' at " +
                "position 12: expected an option name: conf, extmem, offset or share\n  " +
                "netmap:eth1@bogus\n              ^",
                "many-errors.conf:7: pipeline.stages.count.type: unknown stage type 'countr': " +
                "expected one of " + TYPES + ", or class = \"com.acme.MyStage\" (did you mean 'counter'?)",
                "many-errors.conf:11: pipeline.stages.classify.outputs.mis: stage 'classify' " +
                "(classify-ethertype) has no output 'mis': expected one of its outputs: ipv4, miss " +
                "(did you mean 'miss'?)",
                "many-errors.conf:11: pipeline.stages.classify.outputs.miss: output 'miss' is not " +
                "wired: expected miss = a stage, a port or drop",
                "many-errors.conf:12: pipeline.stages.classify.parallelism: expected an integer in " +
                "[1, 1024], got number -1"),
            bad("missing-param.conf",
                "missing-param.conf:6: pipeline.stages.classify.params.rules: expected an object { " +
                "... } (missing)"),
            bad("mistyped-param.conf",
                "mistyped-param.conf:9: pipeline.stages.copy.params.copies: expected a list of " +
                "strings, got string \"mirror\""),
            bad("name-clash.conf",
                "name-clash.conf:7: pipeline.stages.out: stage 'out' has the name of port 'out' (line " +
                "4): expected each name once across ports and stages"),
            bad("no-constructor.conf",
                "no-constructor.conf:7: pipeline.stages.mine.class: class com.acme.NeedsAnInt has no " +
                "suitable public constructor: expected NeedsAnInt(StageParameters) or NeedsAnInt()"),
            bad("no-outputs-block.conf",
                "no-outputs-block.conf:6: pipeline.stages.count.outputs.out: output 'out' is not " +
                "wired: expected out = a stage, a port or drop"),
            bad("no-pipeline.conf",
                "no-pipeline.conf:1: pipeline: expected a pipeline: a block { ports { ... }, stages { " +
                "... } }"),
            bad("no-port-receives.conf",
                "no-port-receives.conf:2: pipeline.ports: no port receives: expected at least one " +
                "port with to = a stage"),
            bad("no-ports.conf",
                "no-ports.conf:1: pipeline.ports: expected a block of ports, such as ports { in { " +
                "port = \"netmap:eth0\", to = first-stage } } (missing)"),
            bad("no-type.conf",
                "no-type.conf:6: pipeline.stages.count: missing type or class: expected type = one of " +
                TYPES + ", or class = \"com.acme.MyStage\""),
            bad("not-a-stage.conf",
                "not-a-stage.conf:7: pipeline.stages.mine.class: class com.acme.NotAStage does not " +
                "implement org.netmapengine.pipeline.Stage"),
            bad("params-for-no-argument-constructor.conf",
                "params-for-no-argument-constructor.conf:8: pipeline.stages.split.params: " +
                "com.acme.Split() takes no parameters: expected no params block"),
            bad("null-entries.conf",
                "null-entries.conf:4: pipeline.ports.out: expected a port: a block { port = " +
                "\"netmap:eth0\", ... } or just its name \"netmap:eth0\", got null",
                "null-entries.conf:7: pipeline.stages.count.outputs.more: expected the name of a stage, " +
                "a port or drop, got null",
                "null-entries.conf:8: pipeline.stages.other: expected a stage: a block { type = ..., ... " +
                "}, got null"),
            bad("parallelism-zero.conf",
                "parallelism-zero.conf:8: pipeline.stages.count.parallelism: expected an integer in " +
                "[1, 1024], got number 0"),
            bad("pcap-port-misused.conf",
                "pcap-port-misused.conf:4: pipeline.ports.capture.port: a pcap port replays a capture file and " +
                "cannot be transmitted to: expected only to = a stage (to capture packets, send them to a " +
                "pcap-writer stage)",
                "pcap-port-misused.conf:5: pipeline.ports.forced.port: a pcap port is always opened by the pcap " +
                "backend: expected no backend key"),
            bad("self-loop.conf",
                "self-loop.conf:9: pipeline.stages.a.outputs.again: cycle in the stage graph: a -> a: " +
                "expected every packet to leave through a port or drop"),
            bad("syntax-error.conf",
                "syntax-error.conf:9: (hocon): expecting a close parentheses ')' here, not: end of file"),
            bad("to-a-port.conf",
                "to-a-port.conf:3: pipeline.ports.in.to: 'out' is a port: expected a stage (to bridge " +
                "two ports, send to a transmit stage)"),
            bad("to-drop.conf",
                "to-drop.conf:3: pipeline.ports.in.to: 'drop' is not a stage: expected a stage (to " +
                "discard what a port receives, send it to a drop stage)"),
            bad("to-unknown-stage.conf",
                "to-unknown-stage.conf:3: pipeline.ports.in.to: 'conut' is not a stage: expected " +
                "count (did you mean 'count'?)"),
            bad("transmit-to-unknown-port.conf",
                "transmit-to-unknown-port.conf:9: pipeline.stages.uplink.params.port: 'ot' is not a " +
                "port of this pipeline: expected one of in, out (did you mean 'out'?)"),
            bad("transmit-with-outputs.conf",
                "transmit-with-outputs.conf:10: pipeline.stages.uplink.outputs: a transmit stage " +
                "stands for its port and never runs: expected only type (or class) and params { port " +
                "= ... }"),
            bad("twin-outputs.conf",
                "twin-outputs.conf:6: pipeline.stages.mine: outputs() of com.acme.TwinOutputs " +
                "returned 'out' twice: expected distinct names"),
            bad("two-receivers.conf",
                "two-receivers.conf:4: pipeline.ports.one.port: receives from the same RX rings as " +
                "port 'all' (netmap:eth0, line 3): expected one receiver per ring"),
            bad("two-transmitters.conf",
                "two-transmitters.conf:5: pipeline.ports.right.port: transmits on the same TX rings " +
                "as port 'left' (netmap:eth1^, line 4): expected one transmitter per ring"),
            bad("type-and-class.conf",
                "type-and-class.conf:6: pipeline.stages.count: both type and class given: expected " +
                "one of them"),
            bad("undeclared-output.conf",
                "undeclared-output.conf:10: pipeline.stages.count.outputs.extra: stage 'count' " +
                "(counter) has no output 'extra': expected one of its outputs: out",
                "undeclared-output.conf:15: pipeline.stages.sink.outputs.out: stage 'sink' (drop) has " +
                "no outputs: expected no outputs block"),
            bad("unknown-param.conf",
                "unknown-param.conf:8: pipeline.stages.classify.params.rules: expected an object { " +
                "... } (missing)",
                "unknown-param.conf:9: pipeline.stages.classify.params.ruels: unknown key 'ruels': " +
                "expected rules (did you mean 'rules'?)"),
            bad("unknown-pipeline-key.conf",
                "unknown-pipeline-key.conf:3: pipeline.ports.in.to: 'count' is not a stage: expected " +
                "a stage, and the pipeline has none",
                "unknown-pipeline-key.conf:5: pipeline.stage: unknown key 'stage': expected one of " +
                "name, ports, stages (did you mean 'stages'?)"),
            bad("unknown-port-key.conf",
                "unknown-port-key.conf:5: pipeline.ports.in.bach: unknown key 'bach': expected one of " +
                "backend, batch, cpu, extra-buffers, idle, port, rings, to, tx (did you mean 'batch'?)"),
            bad("unknown-type.conf",
                "unknown-type.conf:7: pipeline.stages.classify.type: unknown stage type " +
                "'clasify-ethertype': expected one of " + TYPES + ", or class = \"com.acme.MyStage\" (did " +
                "you mean 'classify-ethertype'?)"),
            bad("unreachable-stage.conf",
                "unreachable-stage.conf:7: pipeline.stages.orphan: stage 'orphan' is not reached from " +
                "any receiving port: expected a port's to, or another stage's output, to lead to it"),
            bad("unresolved-substitution.conf",
                "unresolved-substitution.conf:3: (hocon): Could not resolve substitution to a value: " +
                "${pipeline.defaults.batch}"),
            bad("unwired-output.conf",
                "unwired-output.conf:9: pipeline.stages.classify.outputs.arp: output 'arp' is not " +
                "wired: expected arp = a stage, a port or drop",
                "unwired-output.conf:9: pipeline.stages.classify.outputs.miss: output 'miss' is not " +
                "wired: expected miss = a stage, a port or drop"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPipelines")
    void shouldReportEveryErrorWithFileLineAndPath(final String file, final List<String> expected) throws Exception
    {
        final Path dir = directory();

        final PipelineValidationException e = assertThrows(PipelineValidationException.class,
            () -> PipelineCompiler.compile(dir.resolve(file), "pipeline", StageRegistry.standard()));

        assertEquals(expected.stream().map(m -> dir + "/" + m).toList(),
            e.errors().stream().map(PipelineConfigException::getMessage).toList());
    }

    static Path directory() throws URISyntaxException
    {
        return Path.of(BadPipelinesTest.class.getResource("/pipelines/bad").toURI());
    }

    private static Arguments bad(final String file, final String... messages)
    {
        return Arguments.of(file, List.of(messages));
    }
}
