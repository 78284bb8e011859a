package org.commonground; public final class Main { public static void main(String[] a) {} }
