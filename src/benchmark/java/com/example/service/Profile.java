package com.example.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a service's request threads spend their CPU, from its JDK Flight Recording: the share of execution samples by
 * library (the innermost frame outside the JDK, by package) and by method (the innermost frame). Samples of
 * Tomcat's request threads only, start-up and background work left out.
 */
final class Profile {

    private Profile() {}

    static void print(String name, Path recording, int top) throws IOException {
        List<List<RecordedFrame>> samples = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().equals("jdk.ExecutionSample"))
                .filter(Profile::onRequestThread)
                .map(event -> event.getStackTrace().getFrames())
                .filter(frames -> !frames.isEmpty())
                .toList();
        System.out.printf(Locale.ROOT, "%n%s: %d samples on request threads (%s)%n", name, samples.size(), recording);
        print("by library", samples, Profile::library, top);
        print("by method", samples, frames -> method(frames.get(0)), top);
    }

    private static void print(
            String title, List<List<RecordedFrame>> samples, Function<List<RecordedFrame>, String> key, int top) {
        Map<String, Long> counts = samples.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
        System.out.printf(Locale.ROOT, "  %s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(entry -> System.out.printf(
                        Locale.ROOT, "  %6.1f %%  %s%n", 100.0 * entry.getValue() / samples.size(), entry.getKey()));
    }

    private static boolean onRequestThread(RecordedEvent sample) {
        var thread = sample.getThread("sampledThread");
        return thread != null
                && thread.getJavaName() != null
                && thread.getJavaName().contains("-exec-");
    }

    /** The innermost frame outside the JDK, by package: three segments, four under org.springframework. */
    private static String library(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            String[] parts = type.split("\\.");
            int segments = type.startsWith("org.springframework.") ? 4 : 3;
            return String.join(".", List.of(parts).subList(0, Math.min(segments, parts.length - 1)));
        }
        return "(the JDK alone)";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
