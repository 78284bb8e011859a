package org.commonground.bench; final class Placeholder {}
