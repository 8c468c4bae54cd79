package org.netmapengine.pipeline.bpf;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few libpcap calls that compile a filter expression, through JNA direct mapping. Loaded on first use: a
 * pipeline without a {@code filter} stage never needs libpcap.
 * <pre>
 *   pcap_t *pcap_open_dead(int linktype, int snaplen);
 *   int pcap_compile(pcap_t *p, struct bpf_program *fp, const char *str, int optimize, bpf_u_int32 netmask);
 *   void pcap_freecode(struct bpf_program *fp);
 *   char *pcap_geterr(pcap_t *p);
 *   void pcap_close(pcap_t *p);
 *
 *   struct bpf_program { u_int bf_len; struct bpf_insn *bf_insns; };   16 bytes on LP64: len, padding, pointer
 * </pre>
 */
final class LibPcap
{
    /** {@code DLT_EN10MB}: Ethernet. */
    static final int DLT_EN10MB = 1;
    /** {@code PCAP_NETMASK_UNKNOWN}. */
    static final int NETMASK_UNKNOWN = 0xFFFF_FFFF;
    static final int PROGRAM_SIZE = 16;
    static final int PROGRAM_LENGTH_OFFSET = 0;
    static final int PROGRAM_INSTRUCTIONS_OFFSET = 8;

    /** Names tried in order: the development symlink, then the sonames Debian and others install. */
    private static final String[] NAMES = { "pcap", "libpcap.so.1", "libpcap.so.0.8" };

    private LibPcap()
    {
    }

    static native Pointer pcap_open_dead(int linktype, int snaplen);

    static native int pcap_compile(Pointer p, Pointer program, String expression, int optimize, int netmask);

    static native void pcap_freecode(Pointer program);

    static native String pcap_geterr(Pointer p);

    static native void pcap_close(Pointer p);

    /** Binds the natives above, once. */
    static final class Loader
    {
        /** Null when libpcap was found, else why not. */
        static final String PROBLEM = load();

        private Loader()
        {
        }

        private static String load()
        {
            final StringBuilder tried = new StringBuilder();
            for (final String name : NAMES)
            {
                try
                {
                    Native.register(LibPcap.class, NativeLibrary.getInstance(name));
                    return null;
                }
                catch (final UnsatisfiedLinkError e)
                {
                    tried.append(tried.length() > 0 ? ", " : "").append(name);
                }
            }
            return "libpcap not found (tried " + tried + "): install it (Debian: apt-get install libpcap0.8)";
        }
    }
}
