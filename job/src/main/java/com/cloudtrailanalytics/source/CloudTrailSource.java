package com.cloudtrailanalytics.source;

import com.cloudtrailanalytics.config.JobSettings;
import com.cloudtrailanalytics.record.TrailItem;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;

/** The source of the job: every CloudTrail file under the input, read in delivery-time order. */
public final class CloudTrailSource {

  private CloudTrailSource() {}

  public static FileSource<TrailItem> create(JobSettings settings) {
    FileSource.FileSourceBuilder<TrailItem> source =
        FileSource.forBulkFileFormat(
                new CloudTrailFileFormat(settings.maxRecordBytes()), new Path(settings.input()))
            .setSplitAssigner(FileTimeOrderedAssigner::new);
    if (!settings.bounded()) {
      source.monitorContinuously(settings.monitorInterval());
    }
    return source.build();
  }
}
