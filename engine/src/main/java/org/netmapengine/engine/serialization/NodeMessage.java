package org.netmapengine.engine.serialization;

/**
 * A message that crosses nodes: bound to {@link KryoSerializer} in the engine's {@code reference.conf}.
 * <p>
 * Every class that implements it, and every class its fields hold at run time, must be registered in
 * {@link KryoRegistrations} under a fixed id, the same on every node: the serializer refuses anything else, and
 * {@code KryoSerializerTest} fails for a message class that is not registered, so the mistake shows in the build and
 * not in production. Fields hold records, strings, primitives, {@code ArrayList} and {@code LinkedHashMap}; never
 * {@code List.of} or {@code Map.of} (their classes are JDK internals, not registered), so records copy their lists
 * into {@code ArrayList}s in their constructors.
 */
public interface NodeMessage
{
}
