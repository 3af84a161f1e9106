package no.ukp.monitor.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.web.MockHttpSession;

/** A checked file lives as long as it is the session's one: replaced, removed or expired, it is deleted. */
class CheckedUploadTest {

    @TempDir
    Path spool;

    @Test
    void shouldDeleteTheCheckedFileWhenAnotherIsCheckedAndWhenTheSessionEnds() throws IOException {
        MockHttpSession session = new MockHttpSession();
        CheckedUpload first = checked("first");
        session.setAttribute(CheckedUpload.ATTRIBUTE, first);
        assertThat(first.received().upload().path()).exists();

        CheckedUpload second = checked("second");
        session.setAttribute(CheckedUpload.ATTRIBUTE, second);
        assertThat(first.received().upload().path()).doesNotExist();
        assertThat(second.received().upload().path()).exists();

        session.invalidate();
        assertThat(second.received().upload().path()).doesNotExist();
    }

    @Test
    void shouldLetOnlyOneRequestStoreIt() throws IOException {
        CheckedUpload checked = checked("once");
        assertThat(checked.take()).isTrue();
        assertThat(checked.take()).isFalse();
        checked.release();
        assertThat(checked.take()).isTrue();
    }

    @Test
    void shouldNoticeAFileChangedAfterItWasChecked() throws IOException {
        CheckedUpload checked = checked("year,municipality,population\n2024,5001,212660\n");
        assertThat(checked.received().upload().intact()).isTrue();
        Files.writeString(checked.received().upload().path(), "year,municipality,population\n2024,5001,999999\n");
        assertThat(checked.received().upload().intact()).isFalse();
    }

    private CheckedUpload checked(String content) throws IOException {
        Upload upload = Upload.spool(Files.createTempFile(spool, "ukp-import-", ".upload"),
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "fil.csv", "text/csv", 1_000_000);
        return new CheckedUpload("token-" + content.hashCode(), new ImportService.Received(Dataset.POPULATION, upload, FileFormat.CSV),
                null);
    }
}
