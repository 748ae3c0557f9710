package io.github.camelpixazo.producer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import io.github.camelpixazo.PixazoConstants;
import io.github.camelpixazo.gateway.JobSnapshot;
import io.github.camelpixazo.gateway.SubmittedJob;
import io.github.camelpixazo.media.DownloadedImage;
import io.github.camelpixazo.media.ImageFormat;
import io.github.camelpixazo.media.SpooledData;

import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultMessage;

/** Puts a job's outcome into the Camel message: the body and the CamelPixazo* headers. */
final class ResultWriter {

    private ResultWriter() {
    }

    /** waitForCompletion=false: the queued job. */
    static void submitted(Message message, SubmittedJob job) {
        message.removeHeader(PixazoConstants.MASK);
        if (job.gateway() != null) {
            message.setHeader(PixazoConstants.GATEWAY, job.gateway());
        }
        message.setHeader(PixazoConstants.REQUEST_ID, job.requestId());
        message.setHeader(PixazoConstants.STATUS, job.status().name());
        if (job.model() != null) {
            message.setHeader(PixazoConstants.MODEL, job.model());
        }
        message.setBody(job);
    }

    /** The gateway that ran a job, for every result. */
    static void gateway(Message message, String gateway) {
        message.setHeader(PixazoConstants.GATEWAY, gateway);
    }

    /** The status operation: the snapshot as body, FAILED/ERROR as data. */
    static void snapshot(Message message, JobSnapshot snapshot) {
        describe(message, snapshot, snapshot.model());
        message.setBody(snapshot);
    }

    /** download=false: the media URLs. */
    static void mediaUrls(Message message, JobSnapshot snapshot, String model) {
        describe(message, snapshot, model);
        message.setBody(snapshot.mediaUrls());
    }

    /**
     * The downloaded images: for one image the bytes (or, past the spool threshold, a {@link SpooledImageCache}) with
     * Content-Type and CamelFileName; for several a List of messages, one per image, each with its own headers so a
     * splitter can write them all.
     */
    static void images(Exchange exchange, JobSnapshot snapshot, String model, List<DownloadedImage> images,
                       boolean single, ImageFormat requested, ExchangeSpool spool) {
        Message message = exchange.getMessage();
        describe(message, snapshot, model);
        message.setHeader(PixazoConstants.MEDIA_TYPE, images.get(0).mediaType());
        if (single) {
            DownloadedImage image = images.get(0);
            message.setHeader(Exchange.CONTENT_TYPE, image.mediaType());
            message.setHeader(Exchange.FILE_NAME, snapshot.requestId() + "." + image.extension(requested));
            message.setBody(body(exchange, image, spool));
            return;
        }
        message.removeHeader(Exchange.FILE_NAME);
        List<Message> parts = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            DownloadedImage image = images.get(i);
            Message part = new DefaultMessage(exchange);
            part.setHeaders(new HashMap<>(message.getHeaders()));
            part.setHeader(PixazoConstants.IMAGE_INDEX, i + 1);
            part.setHeader(PixazoConstants.MEDIA_TYPE, image.mediaType());
            part.setHeader(Exchange.CONTENT_TYPE, image.mediaType());
            part.setHeader(Exchange.FILE_NAME, snapshot.requestId() + "-" + (i + 1) + "." + image.extension(requested));
            part.setBody(body(exchange, image, spool));
            parts.add(part);
        }
        message.setBody(parts);
    }

    /** Small images are byte[]; spooled ones a StreamCache over their file, which the exchange now owns. */
    private static Object body(Exchange exchange, DownloadedImage image, ExchangeSpool spool) {
        SpooledData data = image.data();
        if (data.inMemory()) {
            return data.bytes();
        }
        spool.files().release(data.file());
        return SpooledImageCache.of(data, exchange);
    }

    private static void describe(Message message, JobSnapshot snapshot, String model) {
        // the mask was input for this job only: a later pixazo call must not inherit it, nor every image part carry it
        message.removeHeader(PixazoConstants.MASK);
        message.setHeader(PixazoConstants.REQUEST_ID, snapshot.requestId());
        message.setHeader(PixazoConstants.STATUS, snapshot.status().name());
        if (model != null) {
            message.setHeader(PixazoConstants.MODEL, model);
        }
        message.setHeader(PixazoConstants.MEDIA_URLS, snapshot.mediaUrls());
        if (snapshot.progress() != null) {
            message.setHeader(PixazoConstants.PROGRESS, snapshot.progress());
        } else {
            message.removeHeader(PixazoConstants.PROGRESS);
        }
        if (snapshot.mediaType() != null) {
            message.setHeader(PixazoConstants.MEDIA_TYPE, snapshot.mediaType());
        } else {
            message.removeHeader(PixazoConstants.MEDIA_TYPE);
        }
        if (snapshot.error() != null) {
            message.setHeader(PixazoConstants.ERROR, snapshot.error());
        } else {
            message.removeHeader(PixazoConstants.ERROR);
        }
    }
}
