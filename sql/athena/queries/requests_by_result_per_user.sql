-- Successful versus failed requests per user: the data behind a pie chart per user.
-- Counts every event: the rows of late arrivals (late = true) are summed with the others.
-- Parameters: first day, last day (YYYY-MM-DD).
SELECT
  account_id,
  user_name,
  SUM(event_count - error_count) AS succeeded,
  SUM(error_count) AS failed
FROM user_activity
WHERE dt BETWEEN ? AND ?
GROUP BY account_id, user_name
ORDER BY succeeded + failed DESC, account_id, user_name;
