package org.netmapengine.io.kernel;

import org.netmapengine.io.abi.NetmapApi;
import org.netmapengine.io.os.Errno;
import org.netmapengine.io.port.NetmapException;
import org.netmapengine.io.port.NetmapException.Reason;

/**
 * What a failed system call of the kernel backend means, as a {@link NetmapException} whose message tells the
 * user what to do. The errno meanings come from netmap's {@code netmap_ioctl} and {@code netmap_get_na}:
 * <ul>
 *   <li>{@code ENXIO}: no interface of that name ({@code ifunit_ref} found none). VALE ports are created on open.
 *       So is a pipe's parent that is no interface: netmap registers a persistent VALE port of that name as a Linux
 *       network interface, so the parent must be a name Linux accepts for one (at most 15 bytes, no '/', ':' or
 *       blank, and not "all" or "default", which {@code register_netdev} refuses with EINVAL); when that fails,
 *       netmap logs "failed to create a persistent vale port" and the pipe's open fails with ENXIO.</li>
 *   <li>{@code EINVAL} before anything else: {@code nr_version} outside {@code [NETMAP_MIN_API, NETMAP_MAX_API]}.
 *       The kernel logs "API mismatch: got V need N" and writes nothing back, so the engine tells it from other
 *       EINVALs with a probe (see {@link KernelBackend}).</li>
 *   <li>{@code EBUSY}: the file descriptor is bound already, the adapter is owned by the kernel (attached to a VALE
 *       switch), or rings are held exclusively ({@code /x}), or {@code /x} was asked for rings in use. A pipe end
 *       is not exclusive by itself: a real module lets a second descriptor bind an end that is in use.</li>
 * </ul>
 * Errno names, not {@code strerror} texts, go into the specific messages, so they read the same on every libc.
 */
final class KernelErrors
{
    private KernelErrors()
    {
    }

    /** {@code open(/dev/netmap)} failed. */
    static NetmapException openFailed(final String port, final String device, final int errno)
    {
        switch (errno)
        {
            case Errno.ENOENT:
            case Errno.ENODEV:
            case Errno.ENXIO:
                return new NetmapException(Reason.MODULE_NOT_LOADED, port, errno,
                    "cannot open " + device + " (" + Errno.name(errno) + "): the netmap kernel module is not " +
                    "loaded (load it with 'modprobe netmap' or 'insmod netmap.ko'); without it, backend 'emulated' " +
                    "(netmap.backend = emulated, or --backend emulated) runs netmap pipes in user space");
            case Errno.EACCES:
            case Errno.EPERM:
                return new NetmapException(Reason.PERMISSION_DENIED, port, errno,
                    "cannot open " + device + " (" + Errno.name(errno) + "): permission denied; the device " +
                    "belongs to root with mode 0600 by default: run as root, or give this user read and write " +
                    "access (chmod 0666 " + device + ", or a udev rule with GROUP= and MODE=0660)");
            default:
                return new NetmapException(Reason.SYSTEM_ERROR, port, errno,
                    "cannot open " + device + ": " + Errno.describe(errno));
        }
    }

    /**
     * @return why {@code /dev/netmap} is unusable, in one line for the backend-choice log.
     */
    static String unavailable(final String device, final int errno)
    {
        switch (errno)
        {
            case Errno.ENOENT:
            case Errno.ENODEV:
            case Errno.ENXIO:
                return "no " + device + " (" + Errno.name(errno) + "): the netmap kernel module is not loaded";
            case Errno.EACCES:
            case Errno.EPERM:
                return device + " is not accessible (" + Errno.name(errno) + "): run as root or give this user " +
                    "read and write access to it";
            default:
                return "cannot open " + device + ": " + Errno.describe(errno);
        }
    }

    /** The kernel rejected {@code nr_version}: found by the probe after an EINVAL, or by ENOTTY. */
    static NetmapException apiMismatch(final String port, final int errno)
    {
        if (Errno.ENOTTY == errno)
        {
            return new NetmapException(Reason.API_MISMATCH, port, errno,
                "the netmap kernel module does not know NIOCCTRL (ENOTTY): it is older than API 12, and this " +
                "engine speaks API " + NetmapApi.NETMAP_API + "; load a netmap module of API " +
                NetmapApi.NETMAP_MIN_API + " to " + NetmapApi.NETMAP_MAX_API);
        }
        return new NetmapException(Reason.API_MISMATCH, port, errno,
            "the netmap kernel module rejected API version " + NetmapApi.NETMAP_API + " (EINVAL): it speaks " +
            "another netmap API and does not say which; 'dmesg | grep \"API mismatch\"' shows " +
            "'API mismatch: got " + NetmapApi.NETMAP_API + " need N' with its version N; load a netmap module of " +
            "API " + NetmapApi.NETMAP_MIN_API + " to " + NetmapApi.NETMAP_MAX_API);
    }

    /** {@code NIOCCTRL} failed for a reason other than the API version or an option. */
    static NetmapException requestFailed(final String port, final String kernelName, final int memId, final int errno)
    {
        return requestFailed(port, kernelName, null, memId, errno);
    }

    /**
     * @param pipeParent the parent of the pipe {@code kernelName} is an end of, or null for a port that is no pipe.
     */
    static NetmapException requestFailed(
        final String port, final String kernelName, final String pipeParent, final int memId, final int errno)
    {
        switch (errno)
        {
            case Errno.ENXIO:
                if (null != pipeParent)
                {
                    return new NetmapException(Reason.UNKNOWN_INTERFACE, port, errno,
                        "no parent '" + pipeParent + "' for pipe '" + kernelName + "' (ENXIO): '" + pipeParent +
                        "' is no network interface, and netmap could not create a persistent VALE port of that name " +
                        "to hold the pipe (dmesg: 'failed to create a persistent vale port'); such a port is a Linux " +
                        "network interface, so the parent needs a name Linux accepts for one: at most 15 bytes, no " +
                        "'/', ':' or blank, not 'all' or 'default'");
                }
                return new NetmapException(Reason.UNKNOWN_INTERFACE, port, errno,
                    "no interface '" + kernelName + "' (ENXIO): netmap found no network interface of that name; " +
                    "check the name with 'ip link' (interfaces must exist, pipes and VALE ports are created on open)");
            case Errno.EBUSY:
                return new NetmapException(Reason.BUSY, port, errno,
                    "'" + kernelName + "' is busy (EBUSY): another file descriptor holds these rings exclusively " +
                    "(/x), or /x was asked for rings another descriptor uses, or the interface (or the pipe's " +
                    "parent) is attached to a VALE switch; close the other user, or bind other rings (-N, ^N)");
            case Errno.ENOMEM:
                return new NetmapException(Reason.RESOURCE_EXHAUSTED, port, errno,
                    "netmap is out of memory for '" + kernelName + "' (ENOMEM): ask for fewer rings, slots or extra " +
                    "buffers, or give the allocator more (module parameters buf_num, ring_num, if_num; they apply " +
                    "while no port is open)");
            case Errno.EACCES:
            case Errno.EPERM:
                return new NetmapException(Reason.PERMISSION_DENIED, port, errno,
                    "netmap refused '" + kernelName + "' (" + Errno.name(errno) + "): run as root");
            case Errno.EINVAL:
                return new NetmapException(Reason.INVALID_REQUEST, port, errno,
                    0 != memId ?
                    "netmap rejected the request for '" + kernelName + "' (EINVAL): memory region " + memId +
                        " may not exist (a region id comes from a port that is open, @share names one); " +
                        "'dmesg' says more with the netmap module's verbose parameter set" :
                    "netmap rejected the request for '" + kernelName + "' (EINVAL): the ring, mode or @conf " +
                        "values do not suit this port; 'dmesg' says more with the netmap module's verbose " +
                        "parameter set");
            default:
                return new NetmapException(Reason.SYSTEM_ERROR, port, errno,
                    "netmap failed to register '" + kernelName + "': " + Errno.describe(errno));
        }
    }

    /** An option the kernel marked with a non-zero {@code nro_status}. */
    static NetmapException optionFailed(final String port, final String option, final int status)
    {
        final String prefix = "netmap rejected option @" + option + " (" + Errno.name(status) + ")";
        if (Errno.EOPNOTSUPP == status)
        {
            return new NetmapException(Reason.NOT_SUPPORTED, port, status,
                prefix + ": this port or this netmap module does not support it" +
                ("extmem".equals(option) ? " (the module must be built with WITH_EXTMEM)" : ""));
        }
        if (Errno.EINVAL == status)
        {
            return new NetmapException(Reason.INVALID_REQUEST, port, status,
                prefix + ": " + ("offset".equals(option) ?
                "the initial offset must fit the buffer size and the given bits" :
                "the pool sizes do not fit the file"));
        }
        if (Errno.EBUSY == status)
        {
            return new NetmapException(Reason.BUSY, port, status,
                prefix + ": the rings are open already with other settings");
        }
        if (Errno.ENOMEM == status)
        {
            return new NetmapException(Reason.RESOURCE_EXHAUSTED, port, status, prefix + ": out of memory");
        }
        return new NetmapException(Reason.SYSTEM_ERROR, port, status,
            "netmap rejected option @" + option + ": " + Errno.describe(status));
    }

    /** A system call other than the registration failed: mmap, the share lookup, the extmem file. */
    static NetmapException callFailed(final String port, final String what, final int errno)
    {
        final Reason reason = Errno.ENOMEM == errno ? Reason.RESOURCE_EXHAUSTED : Reason.SYSTEM_ERROR;
        return new NetmapException(reason, port, errno, what + ": " + Errno.describe(errno));
    }
}
