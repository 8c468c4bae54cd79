package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.stages.ArpResponder;
import org.netmapengine.pipeline.stages.Classify;
import org.netmapengine.pipeline.stages.ClassifyEthertype;
import org.netmapengine.pipeline.stages.ClassifyPort;
import org.netmapengine.pipeline.stages.Counter;
import org.netmapengine.pipeline.stages.Dedup;
import org.netmapengine.pipeline.stages.Drop;
import org.netmapengine.pipeline.stages.Filter;
import org.netmapengine.pipeline.stages.HashLb;
import org.netmapengine.pipeline.stages.IcmpEcho;
import org.netmapengine.pipeline.stages.LearningBridge;
import org.netmapengine.pipeline.stages.PcapWriter;
import org.netmapengine.pipeline.stages.Print;
import org.netmapengine.pipeline.stages.RateLimit;
import org.netmapengine.pipeline.stages.RoundRobin;
import org.netmapengine.pipeline.stages.Sample;
import org.netmapengine.pipeline.stages.StaticNat;
import org.netmapengine.pipeline.stages.Tee;
import org.netmapengine.pipeline.stages.Transmit;
import org.netmapengine.pipeline.stages.TtlDec;
import org.netmapengine.pipeline.stages.VlanPop;
import org.netmapengine.pipeline.stages.VlanPush;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The stage types a pipeline may name ({@code type = NAME}) and the class loader that finds user stage classes
 * ({@code class = "com.acme.MyStage"}).
 * <p>
 * Immutable: {@code with...} returns a new registry. Thread-safe.
 */
public final class StageRegistry
{
    private static final StageRegistry STANDARD = new StageRegistry(standardTypes(), null);

    private final Map<String, StageType> types;
    private final ClassLoader classLoader;

    private StageRegistry(final Map<String, StageType> types, final ClassLoader classLoader)
    {
        this.types = Collections.unmodifiableMap(types);
        this.classLoader = classLoader;
    }

    /**
     * @return the built-in types (the standard stage library of {@code docs/stages.md}: {@code arp-responder},
     * {@code classify}, {@code classify-ethertype}, {@code classify-port}, {@code counter}, {@code dedup}, {@code drop},
     * {@code filter}, {@code hash-lb}, {@code icmp-echo}, {@code learning-bridge}, {@code pcap-writer}, {@code print},
     * {@code rate-limit}, {@code round-robin}, {@code sample}, {@code static-nat}, {@code tee}, {@code transmit},
     * {@code ttl-dec}, {@code vlan-pop}, {@code vlan-push}); user classes come from the thread context class loader of
     * the compiling thread.
     */
    public static StageRegistry standard()
    {
        return STANDARD;
    }

    /**
     * @param type a type to add; its name must be new and a valid name.
     * @return a registry with it.
     */
    public StageRegistry withType(final StageType type)
    {
        if (!Names.isValid(type.name()) || types.containsKey(type.name()))
        {
            throw new IllegalArgumentException("a stage type needs a new valid name: name=" + type.name());
        }
        final Map<String, StageType> more = new TreeMap<>(types);
        more.put(type.name(), type);
        return new StageRegistry(more, classLoader);
    }

    /** @return a registry with {@code StageType.of(name, stageClass)}: parameters not checked by key. */
    public StageRegistry withType(final String name, final Class<? extends Stage> stageClass)
    {
        return withType(StageType.of(name, stageClass));
    }

    /**
     * @param loader where {@code class = ...} names are looked up, such as the application's class loader.
     * @return a registry using it.
     */
    public StageRegistry withClassLoader(final ClassLoader loader)
    {
        return new StageRegistry(types, Objects.requireNonNull(loader, "loader"));
    }

    /** @return the type of that name, or null. */
    public StageType type(final String name)
    {
        return types.get(name);
    }

    /** @return every type name, sorted. */
    public Set<String> typeNames()
    {
        return types.keySet();
    }

    /**
     * @return the loader for user classes: the one given, else the current thread's context class loader, else the
     * loader of this class.
     */
    public ClassLoader classLoader()
    {
        if (null != classLoader)
        {
            return classLoader;
        }
        final ClassLoader context = Thread.currentThread().getContextClassLoader();
        return null != context ? context : StageRegistry.class.getClassLoader();
    }

    private static Map<String, StageType> standardTypes()
    {
        final Map<String, StageType> types = new TreeMap<>();
        for (final StageType type : new StageType[]{
            StageType.of(ArpResponder.TYPE, ArpResponder.class, ArpResponder.PARAMETERS),
            StageType.of(Classify.TYPE, Classify.class, Classify.PARAMETERS),
            StageType.of(ClassifyEthertype.TYPE, ClassifyEthertype.class, ClassifyEthertype.PARAMETERS),
            StageType.of(ClassifyPort.TYPE, ClassifyPort.class, ClassifyPort.PARAMETERS),
            StageType.of(Counter.TYPE, Counter.class, Counter.PARAMETERS),
            StageType.of(Dedup.TYPE, Dedup.class, Dedup.PARAMETERS),
            StageType.of(Drop.TYPE, Drop.class, Drop.PARAMETERS),
            StageType.of(Filter.TYPE, Filter.class, Filter.PARAMETERS),
            StageType.of(HashLb.TYPE, HashLb.class, HashLb.PARAMETERS),
            StageType.of(IcmpEcho.TYPE, IcmpEcho.class, IcmpEcho.PARAMETERS),
            StageType.of(LearningBridge.TYPE, LearningBridge.class, LearningBridge.PARAMETERS),
            StageType.of(PcapWriter.TYPE, PcapWriter.class, PcapWriter.PARAMETERS),
            StageType.of(Print.TYPE, Print.class, Print.PARAMETERS),
            StageType.of(RateLimit.TYPE, RateLimit.class, RateLimit.PARAMETERS),
            StageType.of(RoundRobin.TYPE, RoundRobin.class, RoundRobin.PARAMETERS),
            StageType.of(Sample.TYPE, Sample.class, Sample.PARAMETERS),
            StageType.of(StaticNat.TYPE, StaticNat.class, StaticNat.PARAMETERS),
            StageType.of(Tee.TYPE, Tee.class, Tee.PARAMETERS),
            StageType.of(Transmit.TYPE, Transmit.class, Transmit.PARAMETERS),
            StageType.of(TtlDec.TYPE, TtlDec.class, TtlDec.PARAMETERS),
            StageType.of(VlanPop.TYPE, VlanPop.class, VlanPop.PARAMETERS),
            StageType.of(VlanPush.TYPE, VlanPush.class, VlanPush.PARAMETERS) })
        {
            types.put(type.name(), type);
        }
        return types;
    }
}
