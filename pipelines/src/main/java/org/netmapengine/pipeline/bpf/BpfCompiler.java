package org.netmapengine.pipeline.bpf;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * Compiles a tcpdump filter expression (pcap-filter(7)) into a {@link BpfProgram} with libpcap's own compiler, so
 * the engine matches exactly what tcpdump matches: {@code pcap_open_dead(DLT_EN10MB, snaplen)}, {@code pcap_compile}
 * (optimised, netmask unknown), the instructions read out of {@code struct bpf_program}, {@code pcap_freecode}.
 * <p>
 * Thread-safe: calls into libpcap are serialised (its compiler kept global state before 1.8).
 */
public final class BpfCompiler
{
    /** tcpdump's default snaplen, which the program returns for a match. */
    public static final int DEFAULT_SNAPLEN = 262_144;

    private static final Object LOCK = new Object();

    private BpfCompiler()
    {
    }

    /**
     * @param expression a filter such as {@code "tcp dst port 80 and not net 10.0.0.0/8"}; empty matches everything.
     * @param snaplen    what the program returns for a packet it accepts.
     * @return the program, validated.
     * @throws BpfException with libpcap's message when the expression does not compile, or when libpcap is missing.
     */
    public static BpfProgram compile(final String expression, final int snaplen)
    {
        final String problem = LibPcap.Loader.PROBLEM;
        if (null != problem)
        {
            throw new BpfException(problem);
        }
        synchronized (LOCK)
        {
            final Pointer pcap = LibPcap.pcap_open_dead(LibPcap.DLT_EN10MB, snaplen);
            if (null == pcap)
            {
                throw new BpfException("pcap_open_dead failed");
            }
            try (Memory program = new Memory(LibPcap.PROGRAM_SIZE))
            {
                program.clear();
                if (0 != LibPcap.pcap_compile(pcap, program, expression, 1, LibPcap.NETMASK_UNKNOWN))
                {
                    throw new BpfException(LibPcap.pcap_geterr(pcap));
                }
                try
                {
                    return BpfProgram.of(read(program));
                }
                finally
                {
                    LibPcap.pcap_freecode(program);
                }
            }
            finally
            {
                LibPcap.pcap_close(pcap);
            }
        }
    }

    private static int[] read(final Pointer program)
    {
        final int count = program.getInt(LibPcap.PROGRAM_LENGTH_OFFSET);
        final Pointer instructions = program.getPointer(LibPcap.PROGRAM_INSTRUCTIONS_OFFSET);
        final int[] fours = new int[4 * count];
        for (int pc = 0; pc < count; pc++)
        {
            final long at = (long)pc * BpfDescriptor.INSTRUCTION_SIZE;
            fours[4 * pc] = instructions.getShort(at + BpfDescriptor.CODE_OFFSET) & 0xFFFF;
            fours[4 * pc + 1] = instructions.getByte(at + BpfDescriptor.JT_OFFSET) & 0xFF;
            fours[4 * pc + 2] = instructions.getByte(at + BpfDescriptor.JF_OFFSET) & 0xFF;
            fours[4 * pc + 3] = instructions.getInt(at + BpfDescriptor.K_OFFSET);
        }
        return fours;
    }
}
