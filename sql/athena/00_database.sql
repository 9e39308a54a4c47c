-- The database that holds the tables. Run this first.
CREATE DATABASE IF NOT EXISTS cloudtrail_analytics;
