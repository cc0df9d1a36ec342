package org.lantern.server.retention;

import java.time.LocalDate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.lantern.server.people.People;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the retention check daily in the small hours, and on request from the retention page in the
 * background so the page can show its progress. One run at a time. Each run also enforces the
 * activity log's period, which needs no review; a failure of either leaves the other to run.
 */
@Component
class RetentionJob implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final RetentionService retention;
    private final ActivityLogRetention activityLog;
    private final ScanProgress progress;
    private final ExecutorService background = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("retention-check").daemon(true).factory());

    RetentionJob(RetentionService retention, ActivityLogRetention activityLog, ScanProgress progress) {
        this.retention = retention;
        this.activityLog = activityLog;
        this.progress = progress;
    }

    @Scheduled(cron = "${lantern.retention.cron:0 30 1 * * *}", zone = "Europe/London")
    void daily() {
        if (progress.tryBegin()) {
            run();
        }
    }

    /** Starts a check in the background; false if one is already running. */
    boolean startNow() {
        if (!progress.tryBegin()) {
            return false;
        }
        background.execute(this::run);
        return true;
    }

    private void run() {
        LocalDate today = People.today();
        try {
            activityLog.enforce(today);
        } catch (RuntimeException e) {
            LOG.error("The activity log's retention failed; it will run again tomorrow or when started from the page", e);
        }
        try {
            retention.scan(today);
        } catch (RuntimeException e) {
            progress.finish(progress.current().listed());
            LOG.error("The retention check failed; it will run again tomorrow or when started from the page", e);
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
