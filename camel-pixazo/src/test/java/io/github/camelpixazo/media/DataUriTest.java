package io.github.camelpixazo.media;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataUriTest {

    @Test
    void roundTripsBytes() {
        byte[] data = { 1, 2, 3, (byte) 0xFF };
        String uri = DataUri.encode("image/png", data);
        assertEquals("data:image/png;base64,AQID/w==", uri);
        assertArrayEquals(data, DataUri.decode(uri).orElseThrow());
        assertArrayEquals(data, DataUri.decode("data:image/png;base64,AQID\r\n/w==").orElseThrow(), "line breaks");
    }

    @Test
    void rejectsWhatIsNotABase64DataUri() {
        assertEquals(Optional.empty(), DataUri.decode("data:image/png,plain"));
        assertEquals(Optional.empty(), DataUri.decode("data:image/png;base64,@@@"));
        assertEquals(Optional.empty(), DataUri.decode("https://example.com/a.png"));
        assertTrue(DataUri.isDataUri("DATA:image/png;base64,AA=="));
        assertFalse(DataUri.isDataUri(null));
    }
}
