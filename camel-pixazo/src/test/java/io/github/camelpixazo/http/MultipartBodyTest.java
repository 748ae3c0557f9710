package io.github.camelpixazo.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.camelpixazo.support.MultipartParts;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** multipart/form-data as RFC 7578 has it, its parts streamed, its length known when every part's is. */
class MultipartBodyTest {

    @Test
    void partsRoundTripWithTheirNamesFileNamesAndTypes() throws Exception {
        byte[] image = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', '-', '-', 0 };
        int[] opened = { 0 };
        RequestBody body = MultipartBody.builder()
                .field("prompt", "Un café ☕")
                .file("image", "image-1.png", "image/png", image.length, () -> {
                    opened[0]++;
                    return new ByteArrayInputStream(image);
                })
                .field("n", "2")
                .build();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        body.writeTo(first);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        body.writeTo(again);

        List<MultipartParts.Part> parts = MultipartParts.parse(body.contentType(), first.toByteArray());
        assertEquals(List.of("prompt", "image", "n"), MultipartParts.names(parts));
        assertEquals("Un café ☕", parts.get(0).text());
        assertEquals("image-1.png", parts.get(1).fileName());
        assertEquals("image/png", parts.get(1).contentType());
        assertArrayEquals(image, parts.get(1).body());
        assertEquals(first.size(), body.contentLength(), "the announced length is the real one");
        assertArrayEquals(first.toByteArray(), again.toByteArray(), "a retry sends the same body again");
        assertEquals(2, opened[0], "the file part is read anew for each attempt");
        assertTrue(body.contentType().startsWith("multipart/form-data; boundary="));
    }

    @Test
    void anUnknownPartLengthMakesTheBodyLengthUnknownAndNamesAreGuarded() {
        RequestBody body = MultipartBody.builder().file("image", "a.png", "image/png", -1,
                () -> new ByteArrayInputStream(new byte[3])).build();
        assertEquals(-1, body.contentLength());
        assertThrows(IllegalArgumentException.class, () -> MultipartBody.builder().field("a\"b", "x"));
        assertThrows(IllegalArgumentException.class, () -> MultipartBody.builder()
                .file("image", "x\r\nContent-Type: text/html", "image/png", 1,
                        () -> new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8))));
    }
}
