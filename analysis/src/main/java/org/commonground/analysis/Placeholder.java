package org.commonground.analysis; /** placeholder until the engine lands. */ final class Placeholder {}
