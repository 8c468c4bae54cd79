package org.netmapengine.pipeline.compiler;

import org.netmapengine.pipeline.PipelineConfigException;
import org.netmapengine.pipeline.Stage;
import org.netmapengine.pipeline.StageParameters;
import org.netmapengine.pipeline.graph.ConfigLocation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Finds and calls stage constructors, turning every way that can fail into a located
 * {@link PipelineConfigException}.
 */
final class StageInstantiator
{
    private static final String STAGE = Stage.class.getName();

    private StageInstantiator()
    {
    }

    /**
     * @param className the binary name given in {@code class = ...}.
     * @param loader    where to look.
     * @param at        the {@code class} value, for messages.
     * @return the class, not yet initialised.
     */
    static Class<? extends Stage> load(final String className, final ClassLoader loader, final ConfigLocation at)
    {
        final Class<?> found;
        try
        {
            found = Class.forName(className, false, loader);
        }
        catch (final ClassNotFoundException e)
        {
            throw at.error("class " + className + " not found: expected a class on the class path that implements " +
                STAGE);
        }
        catch (final LinkageError e)
        {
            throw at.error("class " + className + " could not be loaded: " + e);
        }
        if (!Stage.class.isAssignableFrom(found))
        {
            throw at.error("class " + className + " does not implement " + STAGE);
        }
        return found.asSubclass(Stage.class);
    }

    /**
     * @return the constructor taking {@link StageParameters}, else the one taking nothing.
     */
    static Constructor<? extends Stage> constructor(final Class<? extends Stage> stageClass, final ConfigLocation at)
    {
        final String name = stageClass.getName();
        if (stageClass.isInterface() || Modifier.isAbstract(stageClass.getModifiers()))
        {
            throw at.error("class " + name + " is abstract: expected a concrete class");
        }
        if (!Modifier.isPublic(stageClass.getModifiers()))
        {
            throw at.error("class " + name + " is not public: expected a public class with a public constructor");
        }
        try
        {
            return stageClass.getConstructor(StageParameters.class);
        }
        catch (final NoSuchMethodException e)
        {
            try
            {
                return stageClass.getConstructor();
            }
            catch (final NoSuchMethodException e2)
            {
                final String simple = stageClass.getSimpleName();
                throw at.error("class " + name + " has no suitable public constructor: expected " + simple +
                    "(StageParameters) or " + simple + "()");
            }
        }
    }

    /**
     * Calls the constructor; used to validate, and by the factory.
     *
     * @param at the stage, for messages about anything other than a {@link PipelineConfigException}.
     */
    static Stage instantiate(
        final Constructor<? extends Stage> constructor, final StageParameters parameters, final ConfigLocation at)
    {
        try
        {
            return 0 == constructor.getParameterCount() ? constructor.newInstance() :
                constructor.newInstance(parameters);
        }
        catch (final InvocationTargetException e)
        {
            final Throwable cause = e.getCause();
            if (cause instanceof PipelineConfigException)
            {
                throw (PipelineConfigException)cause;
            }
            throw located(at, "the constructor of " + constructor.getDeclaringClass().getName() + " threw " + cause,
                cause);
        }
        catch (final ReflectiveOperationException | LinkageError e)
        {
            throw located(at, "class " + constructor.getDeclaringClass().getName() + " could not be instantiated: " +
                e, e);
        }
    }

    private static PipelineConfigException located(final ConfigLocation at, final String problem, final Throwable cause)
    {
        final PipelineConfigException error = at.error(problem);
        error.initCause(cause);
        return error;
    }
}
