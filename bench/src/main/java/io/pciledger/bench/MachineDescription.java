package io.pciledger.bench;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.utils.AppInfoParser;

/** What the numbers were measured on: they mean little without it. */
final class MachineDescription {

    private MachineDescription() {
    }

    static Map<String, Object> describe() {
        final Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        machine.put("memory_gib", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("kafka", AppInfoParser.getVersion());
        return machine;
    }
}
