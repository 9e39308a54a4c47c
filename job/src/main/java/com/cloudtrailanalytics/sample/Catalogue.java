package com.cloudtrailanalytics.sample;

import java.util.List;

/** The API calls the synthetic trail draws from, with how often each happens and fails. */
final class Catalogue {

  private Catalogue() {}

  /** One kind of call, made by one kind of principal. */
  record Call(
      Actor actor,
      String eventSource,
      String eventName,
      int weight,
      double errorRate,
      String errorCode,
      String errorMessage) {}

  enum Actor {
    ROLE,
    USER,
    SERVICE,
    DATA
  }

  static final List<Call> CALLS =
      List.of(
          new Call(
              Actor.ROLE,
              "ec2.amazonaws.com",
              "DescribeInstances",
              30,
              0.01,
              "RequestLimitExceeded",
              "Request limit exceeded."),
          new Call(Actor.ROLE, "ec2.amazonaws.com", "DescribeSecurityGroups", 10, 0, null, null),
          new Call(Actor.ROLE, "ec2.amazonaws.com", "DescribeVolumes", 8, 0, null, null),
          new Call(
              Actor.ROLE, "ssm.amazonaws.com", "GetParameter", 20, 0.03, "ParameterNotFound", null),
          new Call(
              Actor.ROLE,
              "kms.amazonaws.com",
              "Decrypt",
              25,
              0.005,
              "AccessDenied",
              "User is not authorized to perform: kms:Decrypt"),
          new Call(
              Actor.ROLE,
              "sts.amazonaws.com",
              "AssumeRole",
              15,
              0.01,
              "AccessDenied",
              "User is not authorized to perform: sts:AssumeRole"),
          new Call(Actor.ROLE, "lambda.amazonaws.com", "ListFunctions20150331", 6, 0, null, null),
          new Call(
              Actor.ROLE,
              "dynamodb.amazonaws.com",
              "DescribeTable",
              8,
              0.02,
              "ResourceNotFoundException",
              "Requested resource not found"),
          new Call(
              Actor.ROLE,
              "monitoring.amazonaws.com",
              "GetMetricData",
              12,
              0.01,
              "ThrottlingException",
              "Rate exceeded"),
          new Call(Actor.ROLE, "s3.amazonaws.com", "ListBuckets", 6, 0, null, null),
          new Call(Actor.USER, "ec2.amazonaws.com", "DescribeInstances", 6, 0, null, null),
          new Call(
              Actor.USER,
              "ec2.amazonaws.com",
              "RunInstances",
              1,
              0.2,
              "Client.UnauthorizedOperation",
              "You are not authorized to perform this operation."),
          new Call(
              Actor.USER,
              "ec2.amazonaws.com",
              "StopInstances",
              1,
              0.1,
              "Client.UnauthorizedOperation",
              "You are not authorized to perform this operation."),
          new Call(
              Actor.USER,
              "ec2.amazonaws.com",
              "StartInstances",
              1,
              0.1,
              "Client.UnauthorizedOperation",
              "You are not authorized to perform this operation."),
          new Call(
              Actor.USER,
              "ec2.amazonaws.com",
              "AuthorizeSecurityGroupIngress",
              1,
              0.1,
              "Client.InvalidPermission.Duplicate",
              "the specified rule already exists"),
          new Call(
              Actor.USER,
              "ec2.amazonaws.com",
              "RevokeSecurityGroupIngress",
              1,
              0.05,
              "Client.InvalidPermission.NotFound",
              "The specified rule does not exist in this security group."),
          new Call(Actor.USER, "ec2.amazonaws.com", "CreateSecurityGroup", 1, 0, null, null),
          new Call(
              Actor.USER,
              "iam.amazonaws.com",
              "ListUsers",
              3,
              0.05,
              "AccessDenied",
              "User is not authorized to perform: iam:ListUsers"),
          new Call(
              Actor.USER,
              "iam.amazonaws.com",
              "CreateAccessKey",
              1,
              0.3,
              "AccessDenied",
              "User is not authorized to perform: iam:CreateAccessKey"),
          new Call(
              Actor.USER,
              "s3.amazonaws.com",
              "CreateBucket",
              1,
              0.1,
              "BucketAlreadyExists",
              "The requested bucket name is not available."),
          new Call(
              Actor.USER,
              "s3.amazonaws.com",
              "DeleteBucket",
              1,
              0.3,
              "BucketNotEmpty",
              "The bucket you tried to delete is not empty"),
          new Call(Actor.SERVICE, "sts.amazonaws.com", "AssumeRole", 10, 0, null, null),
          new Call(Actor.SERVICE, "s3.amazonaws.com", "GetBucketAcl", 4, 0, null, null),
          new Call(Actor.SERVICE, "kms.amazonaws.com", "GenerateDataKey", 4, 0, null, null),
          new Call(
              Actor.DATA,
              "s3.amazonaws.com",
              "GetObject",
              10,
              0.02,
              "NoSuchKey",
              "The specified key does not exist."),
          new Call(
              Actor.DATA,
              "s3.amazonaws.com",
              "PutObject",
              5,
              0.01,
              "AccessDenied",
              "Access Denied"));

  static final List<String> REGIONS =
      List.of(
          "us-east-1",
          "eu-west-1",
          "us-west-2",
          "ap-northeast-1",
          "eu-central-1",
          "ap-southeast-2",
          "sa-east-1",
          "ca-central-1",
          "eu-north-1",
          "ap-south-1");

  static final List<String> USERS = List.of("nicholas", "alice", "bob", "carol", "dave", "erin");

  static final List<String> ROLES =
      List.of("app-server-role", "lambda-exec-role", "ci-deploy-role", "monitoring-role");

  static final List<String> SERVICES =
      List.of("ec2.amazonaws.com", "lambda.amazonaws.com", "cloudtrail.amazonaws.com");

  /** Addresses users sign in from; most are in MaxMind's published test databases. */
  static final List<String> USER_IPS =
      List.of(
          "81.2.69.142",
          "89.160.20.112",
          "216.160.83.56",
          "2.125.160.216",
          "175.16.199.10",
          "2001:218::1",
          "203.0.113.50");

  /** Addresses of servers calling AWS: private ranges and AWS itself. */
  static final List<String> SERVER_IPS =
      List.of("10.0.12.34", "10.0.40.7", "172.31.5.20", "AWS Internal", "52.94.76.10");
}
