package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.Names;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.stages.ClassifyEthertype;
import org.netmapengine.pipeline.stages.ClassifyPort;
import org.netmapengine.pipeline.stages.Counter;
import org.netmapengine.pipeline.stages.Drop;
import org.netmapengine.pipeline.stages.Tee;
import org.netmapengine.pipeline.stages.Transmit;

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
     * @return the built-in types ({@code classify-ethertype}, {@code classify-port}, {@code counter}, {@code drop},
     * {@code tee}, {@code transmit}); user classes come from the thread context class loader of the compiling thread.
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
            StageType.of(ClassifyEthertype.TYPE, ClassifyEthertype.class, ClassifyEthertype.PARAMETERS),
            StageType.of(ClassifyPort.TYPE, ClassifyPort.class, ClassifyPort.PARAMETERS),
            StageType.of(Counter.TYPE, Counter.class, Counter.PARAMETERS),
            StageType.of(Drop.TYPE, Drop.class, Drop.PARAMETERS),
            StageType.of(Tee.TYPE, Tee.class, Tee.PARAMETERS),
            StageType.of(Transmit.TYPE, Transmit.class, Transmit.PARAMETERS) })
        {
            types.put(type.name(), type);
        }
        return types;
    }
}
